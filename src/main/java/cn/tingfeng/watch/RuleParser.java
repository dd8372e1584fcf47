package cn.tingfeng.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the rule language.
 *
 * <pre>
 * rule    := or
 * or      := and (("OR" | "|") and)*
 * and     := unary (("AND" | "&amp;")? unary)*        whitespace between two operands is AND
 * unary   := ("NOT" | "-") unary | near
 * near    := primary ("NEAR/" n primary)*            operands must be words or phrases
 * primary := "(" or ")" | field ":" primary | word | "phrase"
 * field   := title | text | content | 标题 | 正文 | 内容
 * </pre>
 *
 * Full-width brackets （）, Chinese quotes “” and the full-width colon ： are accepted. Operators are
 * upper case. A rule must contain at least one term outside NOT.
 */
public final class RuleParser {

    /** Largest accepted NEAR distance, in characters. */
    public static final int MAX_NEAR = 1000;

    private enum Kind { WORD, PHRASE, LPAREN, RPAREN, AND, OR, NOT, NEAR, FIELD, EOF }

    private record Token(Kind kind, String text, int pos, int number) {
    }

    private final String src;
    private final List<Token> tokens;
    private int i;

    private RuleParser(String src) {
        this.src = src;
        this.tokens = tokenize(src);
    }

    /** Parses the rule or throws {@link RuleSyntaxException} with a Chinese message and position. */
    public static Rule parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new RuleSyntaxException(1, "规则为空，请至少输入一个检索词");
        }
        RuleParser p = new RuleParser(rule);
        Rule r = p.parseOr(Field.ANY);
        Token t = p.peek();
        if (t.kind == Kind.RPAREN) {
            throw new RuleSyntaxException(t.pos, "有多余的右括号");
        }
        if (t.kind != Kind.EOF) {
            throw new RuleSyntaxException(t.pos, "无法识别“" + t.text + "”");
        }
        if (!Rule.requiresHit(r)) {
            throw new RuleSyntaxException(1, "规则至少需要一个不带 NOT 的检索词");
        }
        return r;
    }

    /** For the rule editor: the first error, if any. */
    public static Optional<RuleSyntaxException.RuleError> check(String rule) {
        try {
            parse(rule);
            return Optional.empty();
        } catch (RuleSyntaxException e) {
            return Optional.of(e.toError());
        }
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        return tokens.get(i++);
    }

    private static boolean startsOperand(Kind k) {
        return k == Kind.WORD || k == Kind.PHRASE || k == Kind.LPAREN || k == Kind.NOT || k == Kind.FIELD;
    }

    private Rule parseOr(Field field) {
        Token first = peek();
        if (first.kind == Kind.OR || first.kind == Kind.AND) {
            throw new RuleSyntaxException(first.pos, "的 " + first.text + " 前缺少检索词");
        }
        List<Rule> parts = new ArrayList<>();
        parts.add(parseAnd(field));
        while (peek().kind == Kind.OR) {
            Token op = next();
            requireOperand(op);
            parts.add(parseAnd(field));
        }
        return parts.size() == 1 ? parts.get(0) : new Rule.Or(parts);
    }

    private Rule parseAnd(Field field) {
        List<Rule> parts = new ArrayList<>();
        parts.add(parseUnary(field));
        while (true) {
            Token t = peek();
            if (t.kind == Kind.AND) {
                next();
                requireOperand(t);
                parts.add(parseUnary(field));
            } else if (startsOperand(t.kind)) {
                parts.add(parseUnary(field));
            } else {
                break;
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Rule.And(parts);
    }

    private void requireOperand(Token op) {
        Token t = peek();
        if (!startsOperand(t.kind)) {
            int at = t.kind == Kind.EOF ? src.length() + 1 : t.pos;
            throw new RuleSyntaxException(at, "缺少检索词（" + op.text + " 之后）");
        }
    }

    private Rule parseUnary(Field field) {
        Token t = peek();
        if (t.kind == Kind.NOT) {
            next();
            requireOperand(t);
            return new Rule.Not(parseUnary(field));
        }
        return parseNear(field);
    }

    private Rule parseNear(Field field) {
        Rule left = parsePrimary(field);
        if (peek().kind != Kind.NEAR) {
            return left;
        }
        List<Rule> pairs = new ArrayList<>();
        while (peek().kind == Kind.NEAR) {
            Token op = next();
            if (!(left instanceof Rule.Term lt)) {
                throw new RuleSyntaxException(op.pos, "NEAR 两侧必须是单个词或引号短语");
            }
            Token rt = peek();
            if (rt.kind != Kind.WORD && rt.kind != Kind.PHRASE && rt.kind != Kind.FIELD) {
                int at = rt.kind == Kind.EOF ? src.length() + 1 : rt.pos;
                throw new RuleSyntaxException(at, "缺少检索词（NEAR 之后必须是单个词或引号短语）");
            }
            Rule right = parsePrimary(field);
            if (!(right instanceof Rule.Term r)) {
                throw new RuleSyntaxException(rt.pos, "NEAR 两侧必须是单个词或引号短语");
            }
            pairs.add(new Rule.Near(lt, r, op.number));
            left = right;
        }
        return pairs.size() == 1 ? pairs.get(0) : new Rule.And(pairs);
    }

    private Rule parsePrimary(Field field) {
        Token t = next();
        switch (t.kind) {
            case WORD:
            case PHRASE: {
                Rule.Term term = new Rule.Term(t.text, field);
                if (term.text().isBlank()) {
                    throw new RuleSyntaxException(t.pos, "的引号内没有内容");
                }
                return term;
            }
            case FIELD: {
                Field f = Field.fromRuleName(t.text);
                Token n = peek();
                if (n.kind != Kind.WORD && n.kind != Kind.PHRASE && n.kind != Kind.LPAREN && n.kind != Kind.FIELD) {
                    int at = n.kind == Kind.EOF ? src.length() + 1 : n.pos;
                    throw new RuleSyntaxException(at, "缺少检索词（" + t.text + ": 之后）");
                }
                return parsePrimary(f);
            }
            case LPAREN: {
                if (peek().kind == Kind.RPAREN) {
                    throw new RuleSyntaxException(peek().pos, "的括号内缺少检索词");
                }
                Rule inner = parseOr(field);
                Token close = peek();
                if (close.kind != Kind.RPAREN) {
                    int at = close.kind == Kind.EOF ? src.length() + 1 : close.pos;
                    throw new RuleSyntaxException(at, "缺少右括号（对应第 " + t.pos + " 个字符处的左括号）");
                }
                next();
                return inner;
            }
            case RPAREN:
                throw new RuleSyntaxException(t.pos, "有多余的右括号");
            case EOF:
                throw new RuleSyntaxException(src.length() + 1, "缺少检索词");
            default:
                throw new RuleSyntaxException(t.pos, "缺少检索词（" + t.text + " 之前）");
        }
    }

    // ---- tokenizer -------------------------------------------------------------------------------

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
    }

    private static boolean isDelimiter(char c) {
        return isSpace(c) || c == '(' || c == ')' || c == '（' || c == '）' || c == '"' || c == '“' || c == '”'
                || c == '|' || c == '&';
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int p = 0;
        while (p < n) {
            char c = s.charAt(p);
            int pos = p + 1;
            if (isSpace(c)) {
                p++;
            } else if (c == '(' || c == '（') {
                out.add(new Token(Kind.LPAREN, String.valueOf(c), pos, 0));
                p++;
            } else if (c == ')' || c == '）') {
                out.add(new Token(Kind.RPAREN, String.valueOf(c), pos, 0));
                p++;
            } else if (c == '|') {
                out.add(new Token(Kind.OR, "|", pos, 0));
                p++;
            } else if (c == '&') {
                out.add(new Token(Kind.AND, "&", pos, 0));
                p++;
            } else if (c == '"' || c == '“' || c == '”') {
                int end = p + 1;
                while (end < n && s.charAt(end) != '"' && s.charAt(end) != '”' && s.charAt(end) != '“') {
                    end++;
                }
                if (end >= n) {
                    throw new RuleSyntaxException(pos, "的引号没有闭合");
                }
                out.add(new Token(Kind.PHRASE, s.substring(p + 1, end), pos, 0));
                p = end + 1;
            } else if (c == '-' && p + 1 < n && !isDelimiter(s.charAt(p + 1))
                    && (p == 0 || isDelimiter(s.charAt(p - 1)))) {
                out.add(new Token(Kind.NOT, "-", pos, 0));
                p++;
            } else {
                int end = p;
                Token field = null;
                while (end < n && !isDelimiter(s.charAt(end))) {
                    char d = s.charAt(end);
                    if ((d == ':' || d == '：') && Field.fromRuleName(s.substring(p, end)) != null) {
                        field = new Token(Kind.FIELD, s.substring(p, end), pos, 0);
                        break;
                    }
                    end++;
                }
                if (field != null) {
                    out.add(field);
                    p = end + 1;
                    continue;
                }
                String w = s.substring(p, end);
                out.add(word(w, pos));
                p = end;
            }
        }
        out.add(new Token(Kind.EOF, "", n + 1, 0));
        return out;
    }

    private static Token word(String w, int pos) {
        switch (w) {
            case "AND":
                return new Token(Kind.AND, w, pos, 0);
            case "OR":
                return new Token(Kind.OR, w, pos, 0);
            case "NOT":
                return new Token(Kind.NOT, w, pos, 0);
            default:
                break;
        }
        if (w.startsWith("NEAR/") || w.equals("NEAR")) {
            String num = w.length() > 5 ? w.substring(5) : "";
            int d;
            try {
                d = Integer.parseInt(num);
            } catch (NumberFormatException e) {
                d = -1;
            }
            if (d < 0 || d > MAX_NEAR) {
                throw new RuleSyntaxException(pos, "的 NEAR 距离应写成 NEAR/数字，数字为 0 到 " + MAX_NEAR + " 之间的整数");
            }
            return new Token(Kind.NEAR, w, pos, d);
        }
        return new Token(Kind.WORD, w, pos, 0);
    }
}
