package io.quire.jobs.model;

import java.time.LocalDate;

/** A registered customer. */
public record User(long id, LocalDate registered, String city) {
}
