package io.github.openaistarter.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiEndpoint;
import io.github.openaistarter.core.OpenAiTlsException;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link OpenAiClient} as a plain Java program uses it: no application context, no
 * properties.
 */
@Timeout(60)
class OpenAiClientTests {

	private static final String KEY = "sk-plain-main-secret-8642";

	private static final String HOST = "openai.internal.example";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}]}""";

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of(List.of(ChatMessage.user("hello")));

	@Test
	void aPlainMainReachesAnHttpsServerThroughAProxyTrustingItByATlsBundle() throws Exception {
		HeldCertificate certificate = certificateFor(HOST);
		try (MockWebServer proxy = new MockWebServer()) {
			// the proxy opens a tunnel, then the same server answers inside it over TLS
			// as openai.internal.example
			proxy.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
			proxy.start();
			proxy.enqueue(new MockResponse.Builder().inTunnel().build());
			proxy.enqueue(completion());
			List<OpenAiEndpoint> endpoints = new ArrayList<>();
			try (OpenAiClient client = OpenAiClient.builder()
				.name("gateway")
				.baseUrl("https://" + HOST + "/v1")
				.apiKey(KEY)
				.defaultModel("gpt-4.1-mini")
				.proxy(OpenAiProxy.of(proxy.getHostName(), proxy.getPort()).withCredentials("alice", "s3cret-proxy"))
				.sslBundle(trusting(certificate))
				.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0))
				.observer(recordingEndpoints(endpoints))
				.build()) {
				assertThat(client.chat().create(HELLO).text()).isEqualTo("hi");
				RecordedRequest connect = proxy.takeRequest(5, TimeUnit.SECONDS);
				assertThat(connect.getMethod()).isEqualTo("CONNECT");
				assertThat(connect.getTarget()).isEqualTo(HOST + ":443");
				assertThat(connect.getHeaders().get("Proxy-Authorization")).isEqualTo("Basic "
						+ Base64.getEncoder().encodeToString("alice:s3cret-proxy".getBytes(StandardCharsets.UTF_8)));
				RecordedRequest call = proxy.takeRequest(5, TimeUnit.SECONDS);
				assertThat(call.getHandshake()).isNotNull();
				assertThat(call.getTarget()).isEqualTo("/v1/chat/completions");
				assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(JsonMapper.builder().build().readTree(call.getBody().utf8()).get("model").asString())
					.isEqualTo("gpt-4.1-mini");
				assertThat(client.name()).isEqualTo("gateway");
				assertThat(endpoints).containsExactly(new OpenAiEndpoint("gateway", "https://" + HOST + "/v1", false));
				assertThat(endpoints.get(0).serverPort()).isEqualTo(443);
				assertThat(client.toString()).doesNotContain(KEY);
			}
		}
	}

	@Test
	void withoutTheTlsBundleTheSameServerIsRefused() throws Exception {
		HeldCertificate certificate = certificateFor("localhost");
		try (MockWebServer server = new MockWebServer()) {
			server
				.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
			server.start();
			server.enqueue(completion());
			try (OpenAiClient client = OpenAiClient.builder()
				.baseUrl(server.url("/v1").toString())
				.defaultModel("m")
				.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0))
				.build()) {
				assertThatExceptionOfType(OpenAiTlsException.class).isThrownBy(() -> client.chat().create(HELLO))
					.withMessageContaining("give the client a TLS bundle");
			}
		}
	}

	@Test
	void aClientOfAPoolOfTheCallersLeavesItOpenWhenClosed() throws Exception {
		try (MockWebServer server = new MockWebServer();
				OpenAiConnectionPool pool = OpenAiConnectionPool.builder().build()) {
			server.start();
			server.enqueue(completion());
			server.enqueue(completion());
			OpenAiClient.Builder builder = OpenAiClient.builder().baseUrl(server.url("/v1").toString()).pool(pool);
			try (OpenAiClient first = builder.defaultModel("m").build()) {
				assertThat(first.chat().create(HELLO).text()).isEqualTo("hi");
			}
			try (OpenAiClient second = builder.build()) {
				assertThat(second.chat().create(HELLO).text()).isEqualTo("hi");
			}
		}
	}

	private static MockResponse completion() {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(COMPLETION).build();
	}

	private static OpenAiCallObserver recordingEndpoints(List<OpenAiEndpoint> endpoints) {
		return new OpenAiCallObserver() {

			@Override
			public CallObservation start(String operation, @Nullable OpenAiCall call) {
				return CallObservation.NONE;
			}

			@Override
			public OpenAiCallObserver forEndpoint(OpenAiEndpoint endpoint) {
				endpoints.add(endpoint);
				return this;
			}

		};
	}

	private static HeldCertificate certificateFor(String host) {
		return new HeldCertificate.Builder().commonName(host)
			.addSubjectAlternativeName(host)
			.duration(1, TimeUnit.HOURS)
			.build();
	}

	private static SslBundle trusting(HeldCertificate certificate) {
		return SslBundle
			.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(certificate.certificatePem())));
	}

}
