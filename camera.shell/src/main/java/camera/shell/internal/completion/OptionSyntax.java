package camera.shell.internal.completion;

import java.util.List;

/**
 * One option of a command as Gogo's {@code @Parameter} declares it.
 *
 * @param names       its spellings, e.g. {@code -c} and {@code --camera}
 * @param description its {@code @Descriptor}, or {@code null}
 * @param takesValue  whether a value follows it ({@code false} for flags such as {@code --no-format})
 * @param values      what completes its value, or {@code null} where the value is free text
 */
public record OptionSyntax(List<String> names, String description, boolean takesValue, CompletionValues values) {
}
