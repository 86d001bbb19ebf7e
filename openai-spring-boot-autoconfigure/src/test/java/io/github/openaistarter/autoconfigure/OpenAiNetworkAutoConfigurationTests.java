package io.github.openaistarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.InternalServerException;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiIoException;
import io.github.openaistarter.core.OpenAiTlsException;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RedactingWiretap;
import io.github.openaistarter.core.RetryPolicy;
import io.github.openaistarter.core.UnexpectedStatusException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The network side of {@link OpenAiAutoConfiguration}: retry, pool, proxy, TLS,
 * compression and logging properties, bound and in effect on the wire.
 */
@Timeout(30)
@ExtendWith(OutputCaptureExtension.class)
class OpenAiNetworkAutoConfigurationTests {

	private static final String KEY = "sk-network-secret-7731";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}]}""";

	private static final String CLEARTEXT_WARNING = "uses plain HTTP: the API key and every prompt travel unencrypted";

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4o-mini",
			List.of(ChatMessage.user("hello")));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				CodecsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("openai.api-key=" + KEY);

	private MockWebServer server = new MockWebServer();

	@BeforeEach
	void startServer() throws IOException {
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void retryPoolProxySslAndLoggingPropertiesHaveTheirDefaults() {
		this.runner.run((context) -> {
			OpenAiProperties properties = context.getBean(OpenAiProperties.class);
			assertThat(properties.getRetry().toPolicy()).isEqualTo(RetryPolicy.DEFAULT);
			assertThat(context.getBean(OpenAiTransport.class).retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
			PoolProperties pool = properties.getPool();
			assertThat(pool.getMaxConnections()).isEqualTo(1000);
			assertThat(pool.getPendingAcquireMaxCount()).isEqualTo(1000);
			assertThat(pool.getPendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(pool.getMaxIdleTime()).isEqualTo(Duration.ofSeconds(30));
			assertThat(pool.getMaxLifeTime()).isEqualTo(Duration.ofMinutes(10));
			assertThat(context.getBean(OpenAiConnectionPool.class).maxConnections()).isEqualTo(1000);
			assertThat(properties.getProxy().getHost()).isNull();
			assertThat(properties.getProxy().getPort()).isEqualTo(8080);
			assertThat(properties.getProxy().getNonProxyHosts()).containsExactly("localhost", "127.*", "[::1]");
			assertThat(properties.getSsl().getBundle()).isNull();
			assertThat(properties.isCompression()).isTrue();
			assertThat(properties.getLogging().isWiretap()).isFalse();
		});
	}

	@Test
	void bindsRetryPoolProxySslAndLoggingProperties() {
		this.runner
			.withPropertyValues("openai.retry.max-retries=5", "openai.retry.initial-backoff=100ms",
					"openai.retry.max-backoff=3s", "openai.retry.max-retry-after=20s", "openai.pool.max-connections=7",
					"openai.pool.pending-acquire-max-count=9", "openai.pool.pending-acquire-timeout=4s",
					"openai.pool.max-idle-time=11s", "openai.pool.max-life-time=2m", "openai.proxy.host=proxy.example",
					"openai.proxy.port=3128", "openai.proxy.username=alice", "openai.proxy.password=s3cret",
					"openai.proxy.non-proxy-hosts=*.internal.example,10.*", "openai.ssl.bundle=openai",
					"spring.ssl.bundle.pem.openai.truststore.certificate=" + selfSigned().certificatePem(),
					"openai.compression=false", "openai.logging.wiretap=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				OpenAiProperties properties = context.getBean(OpenAiProperties.class);
				RetryPolicy expected = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(3),
						Duration.ofSeconds(20));
				assertThat(properties.getRetry().toPolicy()).isEqualTo(expected);
				assertThat(context.getBean(OpenAiTransport.class).retryPolicy()).isEqualTo(expected);
				PoolProperties pool = properties.getPool();
				assertThat(pool.getMaxConnections()).isEqualTo(7);
				assertThat(pool.getPendingAcquireMaxCount()).isEqualTo(9);
				assertThat(pool.getPendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(4));
				assertThat(pool.getMaxIdleTime()).isEqualTo(Duration.ofSeconds(11));
				assertThat(pool.getMaxLifeTime()).isEqualTo(Duration.ofMinutes(2));
				assertThat(context.getBean(OpenAiConnectionPool.class).maxConnections()).isEqualTo(7);
				ProxyProperties proxy = properties.getProxy();
				assertThat(proxy.getHost()).isEqualTo("proxy.example");
				assertThat(proxy.getPort()).isEqualTo(3128);
				assertThat(proxy.getUsername()).isEqualTo("alice");
				assertThat(proxy.getPassword()).isEqualTo("s3cret");
				assertThat(proxy.getNonProxyHosts()).containsExactly("*.internal.example", "10.*");
				assertThat(properties.getSsl().getBundle()).isEqualTo("openai");
				assertThat(properties.isCompression()).isFalse();
				assertThat(properties.getLogging().isWiretap()).isTrue();
			});
	}

	@Test
	void resilienceAndNetworkPropertiesAreDescribedInTheGeneratedMetadata() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode properties = JsonMapper.builder().build().readTree(in).get("properties");
			assertMetadata(properties, "openai.retry.max-retries", "java.lang.Integer", "2");
			assertMetadata(properties, "openai.retry.initial-backoff", "java.time.Duration", "500ms");
			assertMetadata(properties, "openai.retry.max-backoff", "java.time.Duration", "8s");
			assertMetadata(properties, "openai.retry.max-retry-after", "java.time.Duration", "60s");
			assertMetadata(properties, "openai.pool.max-connections", "java.lang.Integer", "1000");
			assertMetadata(properties, "openai.pool.pending-acquire-max-count", "java.lang.Integer", "1000");
			assertMetadata(properties, "openai.pool.pending-acquire-timeout", "java.time.Duration", "30s");
			assertMetadata(properties, "openai.pool.max-idle-time", "java.time.Duration", "30s");
			assertMetadata(properties, "openai.pool.max-life-time", "java.time.Duration", "10m");
			assertMetadata(properties, "openai.proxy.host", "java.lang.String", null);
			assertMetadata(properties, "openai.proxy.port", "java.lang.Integer", "8080");
			assertMetadata(properties, "openai.proxy.username", "java.lang.String", null);
			assertMetadata(properties, "openai.proxy.password", "java.lang.String", null);
			assertMetadata(properties, "openai.proxy.non-proxy-hosts", "java.util.List<java.lang.String>", null);
			assertMetadata(properties, "openai.ssl.bundle", "java.lang.String", null);
			assertMetadata(properties, "openai.compression", "java.lang.Boolean", "true");
			assertMetadata(properties, "openai.logging.wiretap", "java.lang.Boolean", "false");
		}
	}

	@Test
	void retryPropertiesDriveTheRetries() {
		enqueueError(503);
		enqueueError(503);
		enqueueCompletion();
		this.runner
			.withPropertyValues("openai.base-url=" + this.server.url("/v1"), "openai.retry.max-retries=1",
					"openai.retry.initial-backoff=10ms", "openai.retry.max-backoff=10ms")
			.run((context) -> {
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> context.getBean(ChatCompletionsOperations.class).create(HELLO))
					.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(2));
				assertThat(this.server.getRequestCount()).isEqualTo(2);
			});
	}

	@Test
	void callsGoThroughThePoolBean() {
		enqueueCompletion();
		this.runner.withPropertyValues("openai.base-url=" + this.server.url("/v1")).run((context) -> {
			assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
			OpenAiConnectionPool pool = context.getBean(OpenAiConnectionPool.class);
			awaitTrue(() -> pool.activeConnections() == 0 && pool.idleConnections() == 1);
		});
	}

	@Test
	void proxyReceivesATunnelRequestWithCredentialsFromTheProperties() throws Exception {
		try (MockWebServer proxy = new MockWebServer()) {
			proxy.start();
			proxy.enqueue(new MockResponse.Builder().inTunnel().build());
			proxy.enqueue(completion());
			this.runner
				.withPropertyValues("openai.base-url=http://openai.internal.example/v1",
						"openai.proxy.host=" + proxy.getHostName(), "openai.proxy.port=" + proxy.getPort(),
						"openai.proxy.username=alice", "openai.proxy.password=s3cret-proxy-pass",
						"openai.retry.max-retries=0")
				.run((context) -> {
					assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
					RecordedRequest connect = proxy.takeRequest(5, TimeUnit.SECONDS);
					assertThat(connect.getMethod()).isEqualTo("CONNECT");
					assertThat(connect.getTarget()).isEqualTo("openai.internal.example:80");
					byte[] credentials = "alice:s3cret-proxy-pass".getBytes(StandardCharsets.UTF_8);
					assertThat(connect.getHeaders().get("Proxy-Authorization"))
						.isEqualTo("Basic " + Base64.getEncoder().encodeToString(credentials));
					assertThat(connect.getHeaders().get("Authorization")).isNull();
					RecordedRequest tunnelled = proxy.takeRequest(5, TimeUnit.SECONDS);
					assertThat(tunnelled.getMethod()).isEqualTo("POST");
					assertThat(tunnelled.getTarget()).isEqualTo("/v1/chat/completions");
					assertThat(tunnelled.getHeaders().get("Host")).isEqualTo("openai.internal.example");
					assertThat(tunnelled.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
					assertThat(this.server.getRequestCount()).isZero();
				});
		}
	}

	@Test
	void proxyWithoutCredentialsSendsNoProxyAuthorization() throws Exception {
		try (MockWebServer proxy = new MockWebServer()) {
			proxy.start();
			proxy.enqueue(new MockResponse.Builder().inTunnel().build());
			proxy.enqueue(completion());
			this.runner
				.withPropertyValues("openai.base-url=http://openai.internal.example/v1",
						"openai.proxy.host=" + proxy.getHostName(), "openai.proxy.port=" + proxy.getPort())
				.run((context) -> {
					assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
					RecordedRequest connect = proxy.takeRequest(5, TimeUnit.SECONDS);
					assertThat(connect.getMethod()).isEqualTo("CONNECT");
					assertThat(connect.getHeaders().get("Proxy-Authorization")).isNull();
				});
		}
	}

	@Test
	void loopbackIsReachedWithoutTheProxyByDefault() throws Exception {
		try (MockWebServer proxy = new MockWebServer()) {
			proxy.start();
			enqueueCompletion();
			this.runner
				.withPropertyValues("openai.base-url=http://127.0.0.1:" + this.server.getPort() + "/v1",
						"openai.proxy.host=" + proxy.getHostName(), "openai.proxy.port=" + proxy.getPort())
				.run((context) -> {
					assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
					assertThat(this.server.getRequestCount()).isEqualTo(1);
					assertThat(proxy.getRequestCount()).isZero();
				});
		}
	}

	@Test
	void nonProxyHostsReplaceTheDefaultsAndAreMatchedWithWildcards() throws Exception {
		try (MockWebServer proxy = new MockWebServer()) {
			proxy.start();
			enqueueCompletion();
			proxy.enqueue(new MockResponse.Builder().inTunnel().build());
			proxy.enqueue(completion());
			String[] proxyProperties = { "openai.proxy.host=" + proxy.getHostName(),
					"openai.proxy.port=" + proxy.getPort(), "openai.proxy.non-proxy-hosts=local*" };
			this.runner.withPropertyValues(proxyProperties)
				.withPropertyValues("openai.base-url=http://localhost:" + this.server.getPort() + "/v1")
				.run((context) -> {
					assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
					assertThat(this.server.getRequestCount()).isEqualTo(1);
					assertThat(proxy.getRequestCount()).isZero();
				});
			this.runner.withPropertyValues(proxyProperties)
				.withPropertyValues("openai.base-url=http://127.0.0.1:" + this.server.getPort() + "/v1")
				.run((context) -> {
					assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
					assertThat(proxy.takeRequest(5, TimeUnit.SECONDS).getTarget())
						.isEqualTo("127.0.0.1:" + this.server.getPort());
					assertThat(this.server.getRequestCount()).isEqualTo(1);
				});
		}
	}

	@Test
	void sslBundleTrustsASelfSignedServer() {
		HeldCertificate certificate = selfSigned();
		useHttps(certificate);
		enqueueCompletion();
		this.runner
			.withPropertyValues("openai.base-url=" + this.server.url("/v1"), "openai.ssl.bundle=openai",
					"spring.ssl.bundle.pem.openai.truststore.certificate=" + certificate.certificatePem())
			.run((context) -> {
				assertThat(this.server.url("/v1").isHttps()).isTrue();
				assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
				RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(request.getHandshake()).isNotNull();
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
			});
	}

	@Test
	void selfSignedServerIsRefusedWithoutTheSslBundle() {
		useHttps(selfSigned());
		enqueueCompletion();
		// the default retry policy: a certificate that is not trusted is not retried,
		// nothing was sent
		this.runner.withPropertyValues("openai.base-url=" + this.server.url("/v1")).run((context) -> {
			assertThatExceptionOfType(OpenAiTlsException.class)
				.isThrownBy(() -> context.getBean(ChatCompletionsOperations.class).create(HELLO))
				.satisfies((ex) -> {
					assertThat(ex.getMessage()).startsWith("POST /chat/completions failed the TLS handshake: ")
						.contains("TLS bundle");
					assertThat(ex.getMessage()).doesNotContain(KEY);
					assertThat(ex.stage()).isEqualTo(OpenAiIoException.Stage.CONNECTING);
					assertThat(ex.attempts()).isEqualTo(1);
				});
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void wiretapOverTlsLogsTheDecryptedExchangeWithCredentialsRedacted(CapturedOutput output) {
		HeldCertificate certificate = selfSigned();
		useHttps(certificate);
		enqueueCompletion();
		try (LogLevels levels = LogLevels.traceFor(RedactingWiretap.LOGGER)) {
			this.runner
				.withPropertyValues("openai.base-url=" + this.server.url("/v1"), "openai.ssl.bundle=openai",
						"spring.ssl.bundle.pem.openai.truststore.certificate=" + certificate.certificatePem(),
						"openai.logging.wiretap=true")
				.run((context) -> assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text())
					.isEqualTo("hi"));
		}
		assertThat(output).contains("POST /v1/chat/completions HTTP/1.1")
			.containsIgnoringCase("authorization: ******")
			.contains("\"content\":\"hi\"")
			.doesNotContain(KEY);
	}

	@Test
	void redirectIsNotFollowedAndTheCredentialsStayHome() throws Exception {
		try (MockWebServer elsewhere = new MockWebServer()) {
			elsewhere.start();
			elsewhere.enqueue(completion());
			this.server.enqueue(new MockResponse.Builder().code(302)
				.addHeader("Location", elsewhere.url("/v1/chat/completions"))
				.build());
			this.runner.withPropertyValues("openai.base-url=" + this.server.url("/v1")).run((context) -> {
				assertThatExceptionOfType(UnexpectedStatusException.class)
					.isThrownBy(() -> context.getBean(ChatCompletionsOperations.class).create(HELLO))
					.satisfies((ex) -> {
						assertThat(ex.statusCode().value()).isEqualTo(302);
						assertThat(ex.attempts()).isEqualTo(1);
						assertThat(ex.headers().getFirst("Location"))
							.isEqualTo(elsewhere.url("/v1/chat/completions").toString());
					});
				assertThat(this.server.getRequestCount()).isEqualTo(1);
				assertThat(elsewhere.getRequestCount()).isZero();
			});
		}
	}

	@Test
	void gzipIsAskedForAndDecoded() {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.addHeader("Content-Encoding", "gzip")
			.body(gzip(COMPLETION))
			.build());
		this.runner.withPropertyValues("openai.base-url=" + this.server.url("/v1")).run((context) -> {
			assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
			assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Accept-Encoding"))
				.isEqualTo("gzip");
		});
	}

	@Test
	void gzipIsNotAskedForWhenCompressionIsOff() {
		enqueueCompletion();
		this.runner.withPropertyValues("openai.base-url=" + this.server.url("/v1"), "openai.compression=false")
			.run((context) -> {
				assertThat(context.getBean(ChatCompletionsOperations.class).create(HELLO).text()).isEqualTo("hi");
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Accept-Encoding")).isNull();
			});
	}

	@Test
	void clearTextBaseUrlToARemoteHostIsWarnedAboutOnce(CapturedOutput output) {
		this.runner.withPropertyValues("openai.base-url=http://example.com/v1").run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(ChatCompletionsOperations.class);
		});
		assertThat(occurrences(output.toString(), CLEARTEXT_WARNING)).isEqualTo(1);
		assertThat(output).contains("The OpenAI base URL http://example.com/v1 uses plain HTTP");
	}

	@Test
	void clearTextBaseUrlToLoopbackOrHttpsIsNotWarnedAbout(CapturedOutput output) {
		for (String baseUrl : List.of("http://localhost:8080/v1", "http://127.0.0.1:8080/v1", "http://[::1]:8080/v1",
				"https://example.com/v1", "https://api.openai.com/v1")) {
			this.runner.withPropertyValues("openai.base-url=" + baseUrl)
				.run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(output).doesNotContain(CLEARTEXT_WARNING);
	}

	private void enqueueCompletion() {
		this.server.enqueue(completion());
	}

	private void enqueueError(int status) {
		this.server.enqueue(new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"message\":\"injected\",\"type\":\"server_error\"}}")
			.build());
	}

	private static MockResponse completion() {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(COMPLETION).build();
	}

	/** Replaces the plain test server with an HTTPS one presenting the certificate. */
	private void useHttps(HeldCertificate certificate) {
		HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder().heldCertificate(certificate)
			.build();
		this.server.close();
		this.server = new MockWebServer();
		this.server.useHttps(serverCertificates.sslSocketFactory());
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HeldCertificate selfSigned() {
		return new HeldCertificate.Builder().commonName("localhost")
			.addSubjectAlternativeName("localhost")
			.addSubjectAlternativeName("127.0.0.1")
			.duration(1, TimeUnit.HOURS)
			.build();
	}

	private static Buffer gzip(String text) {
		Buffer compressed = new Buffer();
		try (var sink = Okio.buffer(new GzipSink(compressed))) {
			sink.writeUtf8(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return compressed;
	}

	private static void assertMetadata(JsonNode properties, String name, String type, String defaultValue) {
		JsonNode property = properties.valueStream()
			.filter((candidate) -> candidate.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no metadata for " + name));
		assertThat(property.path("type").asString()).as(name).isEqualTo(type);
		assertThat(property.path("description").asString()).as(name).isNotBlank();
		if (defaultValue != null) {
			assertThat(property.path("defaultValue").asString()).as(name).isEqualTo(defaultValue);
		}
	}

	private static int occurrences(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}
