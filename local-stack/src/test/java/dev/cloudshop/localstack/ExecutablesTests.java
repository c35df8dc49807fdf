package dev.cloudshop.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutablesTests {

	@TempDir
	Path dir;

	@Test
	void findsTheFirstNameInTheFirstDirectoryThatHasIt() throws IOException {
		Path debian = Files.createDirectories(this.dir.resolve("usr/bin"));
		Path homebrew = Files.createDirectories(this.dir.resolve("opt/homebrew/bin"));
		Path alertmanager = executable(homebrew.resolve("alertmanager"));
		Path packaged = executable(debian.resolve("prometheus-alertmanager"));
		String path = debian + File.pathSeparator + homebrew;

		assertThat(Executables.find(path, List.of("prometheus-alertmanager", "alertmanager"))).contains(packaged);
		assertThat(Executables.find(path, List.of("alertmanager"))).contains(alertmanager);
	}

	@Test
	void passesOverWhatCannotRun() throws IOException {
		Files.writeString(this.dir.resolve("prometheus"), "not executable");
		Files.createDirectories(this.dir.resolve("sub/prometheus"));

		assertThat(Executables.find(this.dir + File.pathSeparator + this.dir.resolve("sub"), List.of("prometheus")))
			.isEmpty();
		assertThat(Executables.find("", List.of("prometheus"))).isEmpty();
		assertThat(Executables.find(null, List.of("prometheus"))).isEmpty();
	}

	private static Path executable(Path file) throws IOException {
		Files.writeString(file, "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}
