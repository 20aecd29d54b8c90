package camera.shell.internal.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command method that is not a way to call the command: Gogo picks it when the arguments fit none of the
 * command's real signatures, and it prints what is wrong and the usage. {@code help} leaves such methods out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UsageOverload {
}
