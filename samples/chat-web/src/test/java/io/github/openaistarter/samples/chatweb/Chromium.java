package io.github.openaistarter.samples.chatweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver. Both
 * paths are given, so Selenium Manager never tries to download a browser or a driver.
 * When they are missing the browser tests are skipped, saying why, unless {@code CI} or
 * {@code OPENAI_FAKE_REQUIRED=true} says they must run: then they fail.
 */
final class Chromium {

	private static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	/**
	 * Starts a headless browser with a fresh profile, or aborts the test when the browser
	 * is missing.
	 * @param profile an empty folder for the browser's profile
	 * @return the browser; quit it when done
	 */
	static WebDriver start(Path profile) {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			String reason = "Chromium or chromedriver is missing (looked for " + BROWSER + " and " + DRIVER
					+ "; install them with: apt-get install -y chromium chromium-driver)";
			if (required()) {
				throw new IllegalStateException(
						reason + ". The browser tests must run here (CI or OPENAI_FAKE_REQUIRED)");
			}
			System.err.println("WARNING: " + reason + "; the browser tests are skipped");
			Assumptions.abort(reason + "; the browser tests are skipped");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,860", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Saves what the browser shows under {@code target/screenshots}.
	 * @param browser the browser
	 * @param name the file name, for example {@code chat.png}
	 * @return the saved file
	 */
	static Path screenshot(WebDriver browser, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			return Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean required() {
		String ci = System.getenv("CI");
		return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
				|| "true".equalsIgnoreCase(System.getenv("OPENAI_FAKE_REQUIRED"));
	}

}
