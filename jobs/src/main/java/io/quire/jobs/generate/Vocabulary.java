package io.quire.jobs.generate;

import java.util.List;

/** Word lists the generator draws names, titles and places from. */
final class Vocabulary {
  private Vocabulary() {
  }

  static final List<String> CATEGORIES = List.of("Fiction", "Mystery", "Science Fiction",
      "Fantasy", "Romance", "History", "Science", "Children", "Cooking", "Biography", "Business",
      "Poetry");
  /** Relative size of each category in the catalog, same order as {@link #CATEGORIES}. */
  static final double[] CATEGORY_WEIGHTS = {18, 12, 9, 10, 9, 8, 7, 9, 5, 6, 5, 2};

  static final List<String> PUBLISHERS = List.of("Penguin Random House", "HarperCollins",
      "Hachette", "Macmillan", "Simon & Schuster", "Gallimard", "Bloomsbury", "Faber & Faber",
      "Orbit", "Tor Books", "Scholastic", "Oxford University Press", "Vintage", "Picador",
      "Little, Brown", "Canongate", "Fourth Estate", "Granta", "Verso", "O'Reilly Media");

  static final List<String> FIRST = List.of("Anna", "Ben", "Clara", "David", "Elena", "Felix",
      "Grace", "Hugo", "Iris", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Paul", "Quinn",
      "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Yara", "Zoe", "Amir", "Beatrix", "Celeste",
      "Dmitri", "Esme", "Farah", "Gideon", "Helena", "Ingrid", "Jules", "Kenji", "Lucia");
  static final List<String> LAST = List.of("Abbott", "Brandt", "Castillo", "Dubois", "Eriksen",
      "Fontaine", "Garcia", "Hartmann", "Ibsen", "Jansen", "Kowalski", "Laurent", "Moreau",
      "Nakamura", "Okafor", "Petrov", "Quintana", "Rossi", "Schneider", "Tanaka", "Ulrich",
      "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann", "Almeida", "Bianchi", "Caron", "Lindqvist");

  static final List<String> ADJ = List.of("Silent", "Hidden", "Last", "Crimson", "Distant",
      "Forgotten", "Golden", "Broken", "Winter", "Secret", "Burning", "Quiet", "Endless", "Lost",
      "Northern", "Glass", "Iron", "Midnight", "Paper", "Wild");
  static final List<String> NOUN = List.of("Garden", "River", "Kingdom", "Letters", "Harbor",
      "Library", "Orchard", "Machine", "Season", "Island", "Empire", "Cartographer", "Lighthouse",
      "Alphabet", "Tide", "Archive", "Mountain", "Violin", "Atlas", "Kitchen", "Observatory");

  static final List<String> CITIES = List.of("London", "Paris", "Berlin", "Madrid", "Rome",
      "Amsterdam", "Vienna", "Lisbon", "Dublin", "Brussels", "Copenhagen", "Stockholm", "Prague",
      "Warsaw", "Zurich", "Lyon", "Munich", "Barcelona", "Milan", "Hamburg", "Edinburgh",
      "Manchester", "Porto", "Krakow", "Ghent");
  static final double[] CITY_WEIGHTS = {16, 14, 12, 9, 8, 7, 6, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 3,
      3, 3, 2, 2, 2, 2, 1};
}
