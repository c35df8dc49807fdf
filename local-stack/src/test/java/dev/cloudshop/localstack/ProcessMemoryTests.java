package dev.cloudshop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessMemoryTests {

	/**
	 * A small JVM's, as Linux writes it.
	 */
	static final String SMAPS_ROLLUP = """
			5581c2a3e000-7ffc1b7f3000 ---p 00000000 00:00 0                          [rollup]
			Rss:              201712 kB
			Pss:              187393 kB
			Pss_Dirty:        171240 kB
			Pss_Anon:         170948 kB
			Pss_File:          16153 kB
			Pss_Shmem:           292 kB
			Shared_Clean:      15480 kB
			Shared_Dirty:          0 kB
			Private_Clean:     14452 kB
			Private_Dirty:    171780 kB
			Referenced:       201712 kB
			Anonymous:        170948 kB
			KSM:                   0 kB
			LazyFree:              0 kB
			AnonHugePages:         0 kB
			ShmemPmdMapped:        0 kB
			FilePmdMapped:         0 kB
			Shared_Hugetlb:        0 kB
			Private_Hugetlb:       0 kB
			Swap:                  0 kB
			SwapPss:               0 kB
			Locked:                0 kB
			""";

	@TempDir
	Path temp;

	@Test
	void readsTheProportionalSetSizeAndNotItsParts() throws IOException {
		Path file = Files.writeString(this.temp.resolve("smaps_rollup"), SMAPS_ROLLUP);

		assertThat(ProcessMemory.proportionalSetSize(file)).isEqualTo(187393L * 1024);
	}

	@Test
	void countsAProcessItCannotReadAsNothing() throws IOException {
		assertThat(ProcessMemory.proportionalSetSize(this.temp.resolve("gone"))).isZero();
		Path garbled = Files.writeString(this.temp.resolve("garbled"), "Pss: many kB\n");
		assertThat(ProcessMemory.proportionalSetSize(garbled)).isZero();
		assertThat(ProcessMemory.proportionalSetSize(List.of((long) Integer.MAX_VALUE))).isZero();
	}

	@Test
	void measuresARunningProcess() {
		assumeTrue(Files.exists(Path.of("/proc/self/smaps_rollup")), "Linux tells the PSS of a process");

		long thisJvm = ProcessMemory.proportionalSetSize(List.of(ProcessHandle.current().pid()));

		assertThat(thisJvm).isGreaterThan(10L * 1024 * 1024);
	}

}
