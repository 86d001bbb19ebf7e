package io.github.openaistarter.autoconfigure.tool;

import java.time.Duration;

import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.ToolErrorHandling;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tool loops run ({@code openai.tools.*}).
 */
@ConfigurationProperties("openai.tools")
public class OpenAiToolsProperties {

	/**
	 * Most model calls in one tool loop; when the model still asks for tools after the
	 * last, the loop fails with the conversation so far.
	 */
	private int maxRounds = ChatTools.DEFAULT_MAX_ROUNDS;

	/**
	 * Longest a tool call may run; past it the call is cancelled (its thread interrupted)
	 * and fails.
	 */
	private Duration timeout = ChatTools.DEFAULT_TOOL_TIMEOUT;

	/**
	 * Most tool calls of one answer that run at once.
	 */
	private int maxParallel = ChatTools.DEFAULT_MAX_PARALLEL;

	/**
	 * What a failed tool call does: report the error to the model (so it can correct
	 * itself) or abort the loop.
	 */
	private ToolErrorHandling errorHandling = ToolErrorHandling.REPORT_TO_MODEL;

	/**
	 * Most model calls in one tool loop.
	 * @return the bound
	 */
	public int getMaxRounds() {
		return this.maxRounds;
	}

	/**
	 * Sets the most model calls in one tool loop.
	 * @param maxRounds the bound, at least 1
	 */
	public void setMaxRounds(int maxRounds) {
		this.maxRounds = maxRounds;
	}

	/**
	 * Longest a tool call may run.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Sets the longest a tool call may run.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Most tool calls of one answer that run at once.
	 * @return the bound
	 */
	public int getMaxParallel() {
		return this.maxParallel;
	}

	/**
	 * Sets the most tool calls of one answer that run at once.
	 * @param maxParallel the bound, at least 1
	 */
	public void setMaxParallel(int maxParallel) {
		this.maxParallel = maxParallel;
	}

	/**
	 * What a failed tool call does.
	 * @return the handling
	 */
	public ToolErrorHandling getErrorHandling() {
		return this.errorHandling;
	}

	/**
	 * Sets what a failed tool call does.
	 * @param errorHandling the handling
	 */
	public void setErrorHandling(ToolErrorHandling errorHandling) {
		this.errorHandling = errorHandling;
	}

}
