package cn.tingfeng.report;

import java.util.List;

/** One exportable table: a title, column headers and rows of cells (String, Number or null). */
public record Table(String name, String title, List<String> headers, List<List<Object>> rows) {
}
