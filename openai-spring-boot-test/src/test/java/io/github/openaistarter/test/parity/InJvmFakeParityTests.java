package io.github.openaistarter.test.parity;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.openaistarter.test.Fault;
import io.github.openaistarter.test.OpenAiFakeExtension;
import io.github.openaistarter.test.OpenAiFakeServer;

/**
 * The parity scenarios against this module's {@link OpenAiFakeServer}.
 */
class InJvmFakeParityTests extends FakeParityScenarios {

	@RegisterExtension
	static final OpenAiFakeExtension openAi = new OpenAiFakeExtension(OpenAiFakeServer.builder().apiKey(API_KEY));

	@Override
	String baseUrl() {
		return openAi.server().baseUrl();
	}

	@Override
	void failNextRequest(int status, String header, String value) {
		openAi.server().enqueue(Fault.status(status).header(header, value));
	}

	@Override
	void failNextStreamAfter(int chunks) {
		openAi.server().enqueue(Fault.streamErrorAfter(chunks));
	}

}
