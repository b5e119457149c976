package io.quire.jobs.model;

/**
 * A catalog entry. {@code series} is empty for stand-alone books; books of a series share the
 * author and are bought together more often than chance.
 */
public record Book(long id, String isbn, String title, String author, String publisher,
    String category, long listPriceCents, int year, String series) {
}
