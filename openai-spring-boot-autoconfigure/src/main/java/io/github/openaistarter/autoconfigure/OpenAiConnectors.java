package io.github.openaistarter.autoconfigure;

import io.netty.channel.ChannelPipeline;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.ProxyProvider;

import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.RedactingWiretap;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the HTTP connector of OpenAI calls: Reactor Netty on the dedicated {@link OpenAiConnectionPool},
 * with the connect timeout, TLS bundle, proxy, compression and wiretap of {@code openai.*}, and redirects
 * never followed (an {@code Authorization} header must not travel to another host).
 */
final class OpenAiConnectors {

	private static final RedactingWiretap WIRETAP = new RedactingWiretap();

	private static final String WIRETAP_NAME = "openai.wiretap";

	private OpenAiConnectors() {
	}

	/**
	 * Builds the connector.
	 * @param properties the {@code openai.*} properties
	 * @param pool the dedicated pool
	 * @param sslBundle the TLS bundle, or {@code null} for the JVM's trust store
	 * @return the connector
	 */
	static ClientHttpConnector create(OpenAiProperties properties, OpenAiConnectionPool pool,
			@Nullable SslBundle sslBundle) {
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, properties.getConnectTimeout(),
				null, sslBundle);
		return ClientHttpConnectorBuilder.reactor()
			.withHttpClientFactory(() -> HttpClient.create(pool.connectionProvider()))
			.withHttpClientCustomizer((client) -> customize(client, properties))
			.build(settings);
	}

	private static HttpClient customize(HttpClient client, OpenAiProperties properties) {
		HttpClient customized = client.compress(properties.isCompression()).followRedirect(false);
		ProxyProperties proxy = properties.getProxy();
		if (proxy.getHost() != null && !proxy.getHost().isBlank()) {
			customized = customized.proxy((spec) -> configure(spec, proxy));
		}
		if (properties.getLogging().isWiretap()) {
			customized = customized.doOnChannelInit((observer, channel, address) -> addWiretap(channel.pipeline()));
		}
		return customized;
	}

	/**
	 * Adds the wiretap behind TLS when there is TLS, so that it logs the HTTP exchange rather than ciphertext.
	 */
	private static void addWiretap(ChannelPipeline pipeline) {
		if (pipeline.get(NettyPipeline.SslHandler) != null) {
			pipeline.addAfter(NettyPipeline.SslHandler, WIRETAP_NAME, WIRETAP);
		}
		else {
			pipeline.addFirst(WIRETAP_NAME, WIRETAP);
		}
	}

	private static ProxyProvider.Builder configure(ProxyProvider.TypeSpec spec, ProxyProperties proxy) {
		ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP)
			.host(proxy.getHost())
			.port(proxy.getPort())
			.nonProxyHosts(proxy.nonProxyHostsPattern());
		if (proxy.getUsername() != null) {
			String password = proxy.getPassword();
			builder = builder.username(proxy.getUsername()).password((user) -> password);
		}
		return builder;
	}

}
