package io.github.openaistarter.wire;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} beside the checkout (the system property
 * {@code openai.shared.dir}, set by the build), where the official OpenAPI description
 * lives. A missing piece skips the calling test with the reason, unless
 * {@code OPENAI_FAKE_REQUIRED=true} (set by {@code .ci/run}), where it is a failure.
 */
final class SharedDirectory {

	private SharedDirectory() {
	}

	/**
	 * Whether missing prerequisites fail the tests instead of skipping them.
	 * @return {@code true} under {@code OPENAI_FAKE_REQUIRED=true}
	 */
	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("OPENAI_FAKE_REQUIRED"));
	}

	/**
	 * A file of {@code ../shared}, or a skipped (or, when required, failed) test.
	 * @param relativePath for example {@code openai-spec/openapi.yaml}
	 * @return the file
	 */
	static Path require(String relativePath) {
		Path shared = Path.of(System.getProperty("openai.shared.dir", "../../shared")).toAbsolutePath().normalize();
		Path file = shared.resolve(relativePath);
		if (!Files.isReadable(file)) {
			unavailable("The OpenAI description is not at " + file + " (it lives in ../shared beside the checkout)");
		}
		return file;
	}

	/**
	 * Skips the calling test with the reason, or fails it under
	 * {@code OPENAI_FAKE_REQUIRED=true}.
	 * @param reason why the test cannot run
	 */
	static void unavailable(String reason) {
		if (required()) {
			throw new IllegalStateException(
					reason + "; the wire-fidelity tests must run under OPENAI_FAKE_REQUIRED=true");
		}
		Assumptions.abort(reason + "; wire-fidelity tests skipped");
	}

}
