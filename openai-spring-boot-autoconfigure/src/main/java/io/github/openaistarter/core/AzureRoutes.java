package io.github.openaistarter.core;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * Where calls go on Azure OpenAI. With the v1 API (no API version) every call goes under
 * {@code <resource>/openai/v1}, as on OpenAI. With an API version, create and stream go
 * to the deployment the request's model names,
 * {@code <resource>/openai/deployments/{model}/chat/completions?api-version=...}, and the
 * calls that route does not serve (stored completions, models) to the v1 API.
 */
final class AzureRoutes {

	private static final String V1 = "/openai/v1";

	private final String resource;

	private final @Nullable String apiVersion;

	/**
	 * Creates the routes.
	 * @param baseUrl the resource's endpoint ({@code https://x.openai.azure.com}), with
	 * or without {@code /openai} or {@code /openai/v1}
	 * @param apiVersion the API version of the deployment routes, or {@code null} for the
	 * v1 API
	 */
	AzureRoutes(String baseUrl, @Nullable String apiVersion) {
		String resource = baseUrl;
		for (String suffix : new String[] { V1, "/openai" }) {
			if (resource.endsWith(suffix)) {
				resource = resource.substring(0, resource.length() - suffix.length());
				break;
			}
		}
		this.resource = resource;
		this.apiVersion = apiVersion;
	}

	String uri(OpenAiCall call) {
		if (this.apiVersion != null && call.model() != null && call.method() == HttpMethod.POST
				&& call.path().equals("/chat/completions")) {
			return this.resource + "/openai/deployments/" + UriUtils.encode(call.model(), StandardCharsets.UTF_8)
					+ "/chat/completions?api-version=" + UriUtils.encode(this.apiVersion, StandardCharsets.UTF_8)
					+ (call.query().isEmpty() ? "" : "&" + call.query());
		}
		return this.resource + V1 + call.pathAndQuery();
	}

	/**
	 * The v1 API's base URL, for messages and health details.
	 * @return {@code <resource>/openai/v1}
	 */
	String v1BaseUrl() {
		return this.resource + V1;
	}

}
