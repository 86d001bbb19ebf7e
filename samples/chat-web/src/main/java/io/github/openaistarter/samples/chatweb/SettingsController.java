package io.github.openaistarter.samples.chatweb;

import io.github.openaistarter.autoconfigure.OpenAiConnectionDetails;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the app sends its OpenAI calls, for the status strip.
 */
@RestController
class SettingsController {

	private final Settings settings;

	SettingsController(OpenAiConnectionDetails connection, @Value("${openai.chat.model:}") String model,
			@Value("${chat-web.offline:false}") boolean offline) {
		this.settings = new Settings(connection.baseUrl(), model, offline);
	}

	@GetMapping("/api/settings")
	Settings settings() {
		return this.settings;
	}

	/**
	 * The OpenAI settings of the app.
	 *
	 * @param baseUrl the base URL of the API
	 * @param model the model of the requests
	 * @param offline whether the app runs on its embedded fake
	 */
	record Settings(String baseUrl, String model, boolean offline) {

	}

}
