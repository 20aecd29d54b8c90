package camera.shell.internal.completion;

/**
 * A value the shell offers on Tab.
 *
 * @param value       what the user gets on the line
 * @param description what it is, shown beside it, or {@code null}
 */
public record Suggestion(String value, String description) {
}
