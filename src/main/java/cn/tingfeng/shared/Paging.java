package cn.tingfeng.shared;

/**
 * Page and size of a list request, bounded: {@code page} from 0, {@code size} from 1 to {@code maxSize}, and no page
 * beyond the ten-millionth row (first-row offsets stay far inside an int). Out of range is a 400 naming the field.
 */
public record Paging(int page, int size) {
    public static final long MAX_OFFSET = 10_000_000L;

    public static Paging of(int page, int size, int maxSize) {
        if (size < 1 || size > maxSize) {
            throw ApiException.badRequest("size", "每页条数必须在 1 到 " + maxSize + " 之间");
        }
        if (page < 0 || (long) page * size > MAX_OFFSET) {
            throw ApiException.badRequest("page", "页码必须在 0 到 " + (MAX_OFFSET / size) + " 之间");
        }
        return new Paging(page, size);
    }

    public int offset() {
        return page * size;
    }
}
