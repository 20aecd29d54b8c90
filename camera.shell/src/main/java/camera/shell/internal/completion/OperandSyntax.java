package camera.shell.internal.completion;

/**
 * One positional argument of a command.
 *
 * @param description its {@code @Descriptor}, or {@code null}
 * @param values      what completes it, or {@code null} where it is free text (a file name, say)
 */
public record OperandSyntax(String description, CompletionValues values) {
}
