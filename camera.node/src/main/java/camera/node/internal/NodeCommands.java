package camera.node.internal;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code node:stats}: what the development node has done since it started. */
@Component(service = NodeCommands.class, property = { "osgi.command.scope=node", "osgi.command.function=stats" })
public final class NodeCommands {
	private final DevelopmentNode node;

	@Activate
	public NodeCommands(@Reference DevelopmentNode node) {
		this.node = node;
	}

	@Descriptor("shows the development node: where it listens, its slots, jobs developed, bytes in and out, time per job")
	public void stats(@Descriptor("tab-separated name and value, for scripts") @Parameter(names = "--no-format",
			absentValue = "false", presentValue = "true") boolean noFormat) {
		node.report().print(System.out, noFormat);
	}
}
