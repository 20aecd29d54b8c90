package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class ProcessMeterTest {
	@Test
	void cpuTimeIsUserPlusSystemTicksCountedAfterACommandNameWithSpaces() {
		String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 75 0 0 20 0 40 0 100 "
				+ "5000000 3000 18446744073709551615";

		assertThat(ProcessMeter.cpuNanos(stat)).isEqualTo(325 * 10_000_000L);
	}

	@Test
	void theResidentSetIsVmRssInBytes() {
		String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  204800 kB\nRssAnon:\t 100 kB\n";

		assertThat(ProcessMeter.residentBytes(status)).isEqualTo(204800L * 1024);
	}

	@Test
	void thisProcessHasUsedSomeCpuAndHoldsSomeMemoryOnLinux() {
		assumeTrue(System.getProperty("os.name").startsWith("Linux"), "/proc/self is Linux's");

		assertThat(ProcessMeter.cpuNanos()).isPresent();
		assertThat(ProcessMeter.residentBytes().getAsLong()).isPositive();
	}
}
