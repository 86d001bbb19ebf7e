package io.github.openaistarter.tool;

/**
 * What the loop does when a tool call fails: the tool threw or timed out, the arguments
 * do not fit its parameters, or the model called a tool that is not there.
 */
public enum ToolErrorHandling {

	/**
	 * Send the error to the model as the call's result ({@code "Error: ..."}), so it can
	 * correct itself, and go on. The default.
	 */
	REPORT_TO_MODEL,

	/** Stop the loop with a {@link ToolCallFailedException}. */
	ABORT

}
