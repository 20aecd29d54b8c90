package camera.shell.internal.console;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A scripted run that stops at its first failure: with the framework property {@value #PROPERTY} set to
 * {@code true} (bin/darkroom --fail-fast), a command that fails (its one line printed) ends the platform with
 * exit status {@value #EXIT_STATUS} through the shell's own {@code exit}, so the script's caller sees it. Without
 * it a failure prints its line and the shell reads on. Darkroom's commands report their failures as exceptions
 * only in this mode ({@link #isOn()}), so that Gogo tells this listener; Gogo's own commands always do.
 */
@Component(service = CommandSessionListener.class, immediate = true)
public final class FailFast implements CommandSessionListener {
	/** The framework property that turns it on. */
	public static final String PROPERTY = "darkroom.shell.failFast";
	static final int EXIT_STATUS = 1;
	private static final long STOP_WAIT_MILLIS = 30_000;

	private final boolean on;
	private final Framework framework;

	@Activate
	public FailFast(BundleContext context) {
		this.on = isOn(context);
		this.framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
	}

	/** @return whether scripted runs stop at their first failure, as the framework this class runs in says */
	public static boolean isOn() {
		Bundle bundle = FrameworkUtil.getBundle(FailFast.class);
		return bundle != null && bundle.getBundleContext() != null && isOn(bundle.getBundleContext());
	}

	private static boolean isOn(BundleContext context) {
		return Boolean.parseBoolean(context.getProperty(PROPERTY));
	}

	@Override
	public void beforeExecute(CommandSession session, CharSequence command) {
	}

	@Override
	public void afterExecute(CommandSession session, CharSequence command, Exception failure) {
		if (!on) {
			return;
		}
		try {
			session.execute("exit " + EXIT_STATUS);
			// exit only begins the stop: the shell must read no further line of the script meanwhile
			framework.waitForStop(STOP_WAIT_MILLIS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt(); // the framework stopping the shell: it ends its read loop
		} catch (Exception e) {
			// without an exit command (another shell) the failure still shows as the last line
		}
	}

	@Override
	public void afterExecute(CommandSession session, CharSequence command, Object result) {
	}
}
