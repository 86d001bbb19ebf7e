/**
 * The Actuator health indicator of the OpenAI connection.
 */
@NullMarked
package io.github.openaistarter.health;

import org.jspecify.annotations.NullMarked;
