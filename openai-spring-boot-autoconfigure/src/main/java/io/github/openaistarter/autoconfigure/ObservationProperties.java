package io.github.openaistarter.autoconfigure;

/**
 * Micrometer observations of OpenAI calls ({@code openai.observations.*}).
 */
public class ObservationProperties {

	/**
	 * Whether to observe OpenAI calls (timers, spans, token usage). Boot's
	 * management.observations.enable.gen_ai.client.operation=false also turns them off.
	 */
	private boolean enabled = true;

	/**
	 * Whether to record prompts and answers on spans (gen_ai.input.messages,
	 * gen_ai.output.messages). They may hold personal data; a warning is logged at
	 * startup when on.
	 */
	private boolean includeContent;

	/**
	 * Most characters of a prompt or answer recorded when content is included.
	 */
	private int maxContentLength = 4000;

	/**
	 * Whether to observe OpenAI calls.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to observe OpenAI calls.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Whether to record prompts and answers on spans.
	 * @return whether content is included
	 */
	public boolean isIncludeContent() {
		return this.includeContent;
	}

	/**
	 * Sets whether to record prompts and answers on spans.
	 * @param includeContent whether content is included
	 */
	public void setIncludeContent(boolean includeContent) {
		this.includeContent = includeContent;
	}

	/**
	 * Most characters of a recorded prompt or answer.
	 * @return the length
	 */
	public int getMaxContentLength() {
		return this.maxContentLength;
	}

	/**
	 * Sets the most characters of a recorded prompt or answer.
	 * @param maxContentLength the length
	 */
	public void setMaxContentLength(int maxContentLength) {
		this.maxContentLength = maxContentLength;
	}

}
