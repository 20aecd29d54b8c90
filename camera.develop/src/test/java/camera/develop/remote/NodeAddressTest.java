package camera.develop.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeAddressTest {

	@Test
	void hostAndPortAreRead() {
		assertThat(NodeAddress.parse(" 10.0.0.5:7701 ")).isEqualTo(new NodeAddress("10.0.0.5", 7701));
	}

	@Test
	void aHostAloneTakesTheDefaultPort() {
		assertThat(NodeAddress.parse("render-1").port()).isEqualTo(NodeAddress.DEFAULT_PORT);
	}

	@Test
	void anIpv6AddressIsWrittenInBrackets() {
		NodeAddress address = NodeAddress.parse("[::1]:7702");
		assertThat(address.host()).isEqualTo("::1");
		assertThat(address).hasToString("[::1]:7702");
		assertThat(address.loopback()).isTrue();
	}

	@Test
	void loopbackAddressesAreLoopbackAndOthersAreNot() {
		assertThat(NodeAddress.LOOPBACK.loopback()).isTrue();
		assertThat(NodeAddress.parse("localhost:1").loopback()).isTrue();
		assertThat(NodeAddress.parse("0.0.0.0:1").loopback()).isFalse();
		assertThat(NodeAddress.parse("192.0.2.7:1").loopback()).isFalse();
	}

	@Test
	void aPortOutOfRangeIsRefusedNamingTheText() {
		assertThatThrownBy(() -> NodeAddress.parse("host:70000")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("host:70000");
		assertThatThrownBy(() -> NodeAddress.parse("host:port")).hasMessageContaining("host:port");
	}
}
