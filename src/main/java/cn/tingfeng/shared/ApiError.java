package cn.tingfeng.shared;

import java.util.List;

/**
 * The body of every API error: a stable machine code, a Chinese message for people, and details
 * (for validation errors: one entry per offending field).
 */
public record ApiError(String error, String message, List<FieldError> details) {
    public record FieldError(String field, String message) {
    }

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }
}
