package cn.tingfeng.crawl.parse;

/** A document that cannot be parsed; the message is in Chinese. */
public class ParseException extends Exception {
    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public ParseException(String message) {
        super(message);
    }
}
