package dev.unibar.core.model;

public record Device(String id, String name) {
}
