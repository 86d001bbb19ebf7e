package io.github.openaistarter.wire;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.model.WireValue;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What one of our wire types reads from JSON, found from its Jackson annotations the way
 * the project writes them: a record's {@code @JsonProperty} components, or the
 * {@code @JsonProperty} parameters of a {@code @JsonCreator}; the {@code @JsonAnySetter}
 * that keeps unknown fields; {@code @JsonSubTypes} for the polymorphic ones. Generic
 * types (such as {@code Page<T>}) are resolved.
 */
final class JavaModel {

	enum Kind {

		/** A string, number, boolean or open enum ({@link WireValue}). */
		SCALAR,
		/** A list; see {@link #element()}. */
		LIST,
		/** A map from string keys; see {@link #element()} for the values. */
		MAP,
		/** An object with named properties. */
		BEAN,
		/** An interface whose subtypes are chosen by a discriminator property. */
		POLYMORPHIC,
		/** Any JSON, kept untyped ({@code Object}, {@code JsonNode}). */
		UNTYPED

	}

	private final ResolvableType type;

	private final Kind kind;

	private JavaModel(ResolvableType type, Kind kind) {
		this.type = type;
		this.kind = kind;
	}

	static JavaModel of(Class<?> type, Class<?>... generics) {
		return of((generics.length > 0) ? ResolvableType.forClassWithGenerics(type, generics)
				: ResolvableType.forClass(type));
	}

	static JavaModel of(ResolvableType type) {
		Class<?> raw = type.toClass();
		return new JavaModel(type, kindOf(raw));
	}

	private static Kind kindOf(Class<?> raw) {
		if (raw.isPrimitive() || raw == String.class || Number.class.isAssignableFrom(raw) || raw == Boolean.class
				|| WireValue.class.isAssignableFrom(raw) || raw.isEnum()) {
			return Kind.SCALAR;
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			return Kind.LIST;
		}
		if (Map.class.isAssignableFrom(raw)) {
			return Kind.MAP;
		}
		if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
			return Kind.UNTYPED;
		}
		JsonTypeInfo typeInfo = AnnotatedElementUtils.findMergedAnnotation(raw, JsonTypeInfo.class);
		if (raw.isInterface() && typeInfo != null && typeInfo.use() == JsonTypeInfo.Id.NAME) {
			return Kind.POLYMORPHIC;
		}
		return Kind.BEAN;
	}

	Kind kind() {
		return this.kind;
	}

	Class<?> type() {
		return this.type.toClass();
	}

	/**
	 * The element type of a list, or the value type of a map.
	 * @return the model of the elements
	 */
	JavaModel element() {
		ResolvableType element = (this.kind == Kind.LIST)
				? (this.type.isArray() ? this.type.getComponentType() : this.type.asCollection().getGeneric(0))
				: this.type.asMap().getGeneric(1);
		return of(element);
	}

	/**
	 * The properties a bean reads, by wire name, with their types.
	 * @return the properties; empty for other kinds
	 */
	Map<String, JavaModel> properties() {
		Map<String, JavaModel> properties = new LinkedHashMap<>();
		if (this.kind != Kind.BEAN) {
			return properties;
		}
		Executable creator = creator(type());
		if (creator != null) {
			Parameter[] parameters = creator.getParameters();
			for (int i = 0; i < parameters.length; i++) {
				JsonProperty property = parameters[i].getAnnotation(JsonProperty.class);
				if (property != null && !parameters[i].isAnnotationPresent(JsonAnySetter.class)) {
					properties.put(property.value(), of(
							ResolvableType.forMethodParameter(MethodParameter.forExecutable(creator, i), this.type)));
				}
			}
		}
		else if (type().isRecord()) {
			for (RecordComponent component : type().getRecordComponents()) {
				Field field = field(component);
				JsonProperty property = field.getAnnotation(JsonProperty.class);
				if (property != null && !field.isAnnotationPresent(JsonAnySetter.class)) {
					properties.put(property.value(), of(ResolvableType.forField(field, this.type)));
				}
			}
		}
		return properties;
	}

	/**
	 * Whether the type keeps unknown fields in a {@code @JsonAnySetter} map.
	 * @return whether it does
	 */
	boolean keepsUnknownFields() {
		return anySetterName() != null;
	}

	/**
	 * The name of the component or creator parameter that receives unknown fields; the
	 * accessor of the same name returns them.
	 * @return the name, or {@code null} when unknown fields are dropped
	 */
	String anySetterName() {
		Executable creator = creator(type());
		if (creator != null) {
			for (Parameter parameter : creator.getParameters()) {
				if (parameter.isAnnotationPresent(JsonAnySetter.class)) {
					return parameter.getName();
				}
			}
		}
		else if (type().isRecord()) {
			for (RecordComponent component : type().getRecordComponents()) {
				if (field(component).isAnnotationPresent(JsonAnySetter.class)) {
					return component.getName();
				}
			}
		}
		return null;
	}

	/**
	 * The discriminator property of a polymorphic type, for example {@code type}.
	 * @return the property name
	 */
	String discriminator() {
		return AnnotatedElementUtils.findMergedAnnotation(type(), JsonTypeInfo.class).property();
	}

	/**
	 * The subtype read for a discriminator value: the named subtype, or the default one
	 * for values the type does not know.
	 * @param value the discriminator value
	 * @return the subtype's model, or {@code null} when the value would not be read
	 */
	JavaModel subtype(String value) {
		JsonSubTypes subTypes = AnnotatedElementUtils.findMergedAnnotation(type(), JsonSubTypes.class);
		for (JsonSubTypes.Type subType : subTypes.value()) {
			if (subType.name().equals(value)) {
				return of(subType.value());
			}
		}
		Class<?> defaultImpl = AnnotatedElementUtils.findMergedAnnotation(type(), JsonTypeInfo.class).defaultImpl();
		return (defaultImpl != JsonTypeInfo.class) ? of(defaultImpl) : null;
	}

	/**
	 * The accessor of a property by its wire name: the record component or the
	 * {@code @JsonProperty} method of that name.
	 * @param type the type of a decoded value
	 * @param wireName the wire name
	 * @return the accessor, or {@code null} when the type has none for that name
	 */
	static Method accessor(Class<?> type, String wireName) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				JsonProperty property = field(component).getAnnotation(JsonProperty.class);
				if (property != null && property.value().equals(wireName)) {
					return component.getAccessor();
				}
			}
		}
		for (Method method : type.getMethods()) {
			JsonProperty property = AnnotatedElementUtils.findMergedAnnotation(method, JsonProperty.class);
			if (method.getParameterCount() == 0 && property != null && property.value().equals(wireName)) {
				return method;
			}
		}
		return null;
	}

	/**
	 * Reads a property of a decoded value through its accessor.
	 * @param value the decoded value
	 * @param accessor the accessor
	 * @return the property's value
	 */
	static Object read(Object value, Method accessor) {
		return invoke(accessor, value);
	}

	/**
	 * The unknown fields a decoded value kept.
	 * @param value a decoded instance
	 * @return the fields, or {@code null} when its type drops them
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> unknownFields(Object value) {
		String name = JavaModel.of(value.getClass()).anySetterName();
		if (name == null) {
			return null;
		}
		return (Map<String, Object>) invoke(ReflectionUtils.findMethod(value.getClass(), name), value);
	}

	/**
	 * The field of a record component, which carries the component's Jackson annotations
	 * (they do not target record components themselves).
	 */
	private static Field field(RecordComponent component) {
		return ReflectionUtils.findField(component.getDeclaringRecord(), component.getName());
	}

	private static Object invoke(Method method, Object target) {
		ReflectionUtils.makeAccessible(method);
		return ReflectionUtils.invokeMethod(method, target);
	}

	private static Executable creator(Class<?> type) {
		for (Method method : type.getDeclaredMethods()) {
			if (Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonCreator.class)) {
				return method;
			}
		}
		for (Executable constructor : type.getDeclaredConstructors()) {
			if (constructor.isAnnotationPresent(JsonCreator.class)) {
				return constructor;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return this.type.toString();
	}

}
