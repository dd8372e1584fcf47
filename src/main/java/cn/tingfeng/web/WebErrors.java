package cn.tingfeng.web;

import cn.tingfeng.shared.ApiError;
import cn.tingfeng.shared.ApiException;
import java.util.stream.Collectors;

/** A service's refusal as one Chinese sentence for a page (the field messages when there are any). */
final class WebErrors {
    private WebErrors() {
    }

    static String message(RuntimeException e) {
        if (e instanceof ApiException a && a.details() != null && !a.details().isEmpty()) {
            return a.details().stream().map(ApiError.FieldError::message).collect(Collectors.joining("；"));
        }
        return e.getMessage();
    }

    static int status(RuntimeException e) {
        return e instanceof ApiException a ? a.status() : 400;
    }
}
