package cn.tingfeng.jurisdiction.proposal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An analyst's corrected assignment: {@code level} county|city|none, {@code territory} the county-level unit
 * (required for county; for city optional, naming the city or any of its units), {@code leadCategory} and
 * {@code coCategories} as category codes, and the {@code reason} (required).
 */
public record CorrectionRequest(
        @NotNull(message = "不能为空") @Pattern(regexp = "county|city|none", message = "应为 county、city 或 none") String level,
        @Size(max = 100, message = "长度不能超过 100 个字符") String territory,
        @Size(max = 64, message = "长度不能超过 64 个字符") String leadCategory,
        @Size(max = 8, message = "最多 8 个协同部门") List<String> coCategories,
        @NotBlank(message = "必须说明纠正理由") @Size(max = 2000, message = "长度不能超过 2000 个字符") String reason) {
}
