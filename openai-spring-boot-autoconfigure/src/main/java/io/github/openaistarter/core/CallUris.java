package io.github.openaistarter.core;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The absolute URI each call is sent to. Most calls of an application go to one URI
 * ({@code /chat/completions}), so the URI of the latest call is kept and given again to a
 * call with the same method, path, query and (for Azure, whose route names the
 * deployment) model, rather than built and parsed anew for every attempt. {@link URI}s
 * are immutable, so calls on any thread may share one.
 */
final class CallUris {

	private final String baseUrl;

	private final @Nullable AzureRoutes azure;

	private volatile @Nullable Latest latest;

	/**
	 * Creates the URIs of a transport.
	 * @param baseUrl the base URL, without a trailing slash
	 * @param azure the Azure routes, or {@code null} for OpenAI's
	 */
	CallUris(String baseUrl, @Nullable AzureRoutes azure) {
		this.baseUrl = baseUrl;
		this.azure = azure;
	}

	/**
	 * The URI of a call.
	 * @param call the call
	 * @return the absolute URI
	 */
	URI of(OpenAiCall call) {
		// only an Azure route names the model; elsewhere all models share a URI
		String model = (this.azure != null) ? call.model() : null;
		Latest latest = this.latest;
		if (latest != null && latest.method.equals(call.method()) && latest.path.equals(call.path())
				&& latest.query.equals(call.query()) && Objects.equals(latest.model, model)) {
			return latest.uri;
		}
		AzureRoutes azure = this.azure;
		URI uri = URI.create((azure != null) ? azure.uri(call) : this.baseUrl + call.pathAndQuery());
		this.latest = new Latest(call.method(), call.path(), call.query(), model, uri);
		return uri;
	}

	private record Latest(HttpMethod method, String path, String query, @Nullable String model, URI uri) {
	}

}
