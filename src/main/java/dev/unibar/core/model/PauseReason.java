package dev.unibar.core.model;

/** A reason the agent may give for not being ready; productive is null where the vendor does not say. */
public record PauseReason(String id, String label, Boolean productive) {
}
