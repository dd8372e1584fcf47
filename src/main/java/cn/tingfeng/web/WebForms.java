package cn.tingfeng.web;

import cn.tingfeng.shared.ApiError;
import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a form's values with the bean-validation constraints of the API's own request record (the same rules, not a
 * copy), and refuses like the API does, with the field's Chinese label in the message.
 */
@ApplicationScoped
class WebForms {
    private static final Map<String, String> LABELS = Map.of("reason", "理由", "grade", "级别", "level", "层级",
            "territory", "属地", "leadCategory", "牵头部门类别", "unitId", "承办单位", "role", "角色", "text", "批示内容");

    @Inject
    Validator validator;

    <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<ApiError.FieldError> fields = violations.stream()
                .map(v -> new ApiError.FieldError(v.getPropertyPath().toString(),
                        LABELS.getOrDefault(v.getPropertyPath().toString(), v.getPropertyPath().toString()) + v.getMessage()))
                .sorted(Comparator.comparing(ApiError.FieldError::field)).toList();
        throw new ApiException(400, "validation_failed", "请求参数有误", fields);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Long id(String value, String field, String label) {
        try {
            return Long.valueOf(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, "请选择" + label);
        }
    }
}
