package io.github.openaistarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.Secrets;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link OpenAiConnectionDetails} from {@code openai.*} properties, falling back to the
 * environment variables the official SDKs read: {@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID} and {@code OPENAI_PROJECT_ID}.
 */
public class PropertiesOpenAiConnectionDetails implements OpenAiConnectionDetails {

	private final OpenAiProperties properties;

	private final Environment environment;

	/**
	 * Creates connection details.
	 * @param properties the {@code openai.*} properties
	 * @param environment the environment, for the fallbacks
	 */
	public PropertiesOpenAiConnectionDetails(OpenAiProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public String baseUrl() {
		String baseUrl = or(this.properties.getBaseUrl(), "OPENAI_BASE_URL");
		return (baseUrl != null) ? baseUrl : OpenAiTransport.DEFAULT_BASE_URL;
	}

	@Override
	public @Nullable String apiKey() {
		return or(this.properties.getApiKey(), "OPENAI_API_KEY");
	}

	@Override
	public @Nullable String organization() {
		return or(this.properties.getOrganization(), "OPENAI_ORG_ID");
	}

	@Override
	public @Nullable String project() {
		return or(this.properties.getProject(), "OPENAI_PROJECT_ID");
	}

	/**
	 * The property's value; an empty one means none (a named client dropping what it
	 * would inherit), and the environment variable applies only when the property is not
	 * set at all.
	 */
	private @Nullable String or(@Nullable String value, String variable) {
		if (value != null) {
			return StringUtils.hasText(value) ? value.trim() : null;
		}
		String fallback = this.environment.getProperty(variable);
		return StringUtils.hasText(fallback) ? fallback.trim() : null;
	}

	@Override
	public String toString() {
		return "PropertiesOpenAiConnectionDetails[baseUrl=" + baseUrl() + ", apiKey=" + Secrets.mask(apiKey()) + "]";
	}

}
