package camera.shell.internal.completion;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command parameter whose values the shell completes with Tab. It sits on the parameter itself so that
 * the completion cannot drift from the command: {@link CommandSyntax} reads it together with Gogo's
 * {@code @Parameter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CompletesWith {
	/** @return where the values come from */
	CompletionValues value();
}
