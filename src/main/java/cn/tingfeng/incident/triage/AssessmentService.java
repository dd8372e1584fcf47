package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.assess.Art18Category;
import cn.tingfeng.incident.assess.CategoryClassifier;
import cn.tingfeng.incident.assess.ExtractiveSummarizer;
import cn.tingfeng.incident.assess.GradingThresholds;
import cn.tingfeng.incident.assess.Heat;
import cn.tingfeng.incident.assess.IncidentGrader;
import cn.tingfeng.incident.assess.Sentiment;
import cn.tingfeng.incident.assess.SentimentAnalyzer;
import cn.tingfeng.incident.assess.Spread;
import cn.tingfeng.incident.assess.SpreadPost;
import cn.tingfeng.incident.grade.CasualtyAssessment;
import cn.tingfeng.incident.grade.CasualtyGrading;
import cn.tingfeng.shared.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes an incident's assessment from its posts: extractive summary, sentiment, Art. 18 category, grade with
 * its reason (casualties read from the posts, spread, category), spread counts and the rising flag. An analyst's
 * grade is kept. Returns what changed that may deserve an alert.
 */
@ApplicationScoped
public class AssessmentService {
    /** Posts (most recent first) whose text feeds summary, sentiment and category. */
    static final int TEXT_POSTS = 30;
    static final int TEXT_CHARS = 4000;

    public record Change(Grade before, Grade after, boolean risingStarted) {
        public boolean gradeUp() {
            return after != null && (before == null ? false : after.ordinal() < before.ordinal());
        }
    }

    @Inject
    IncidentPosts incidentPosts;
    @Inject
    Clock clock;

    private final SentimentAnalyzer sentiment = SentimentAnalyzer.shipped();
    private final CategoryClassifier categories = CategoryClassifier.shipped();
    private final CasualtyGrading casualties = new CasualtyGrading();
    private final IncidentGrader grader = new IncidentGrader(GradingThresholds.defaults());
    private final Heat.Config heatConfig = Heat.Config.defaults();

    public Change assess(Incident incident, IncidentTriage t) {
        List<IncidentPosts.Row> posts = incidentPosts.of(incident.id);
        Grade before = incident.grade;
        if (posts.isEmpty()) {
            return new Change(before, before, false);
        }
        List<String> texts = new ArrayList<>();
        StringBuilder titles = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        List<IncidentPosts.Row> recent = new ArrayList<>(posts);
        java.util.Collections.reverse(recent);
        for (IncidentPosts.Row r : recent.subList(0, Math.min(TEXT_POSTS, recent.size()))) {
            String body = cut(r.body());
            texts.add((r.title() == null ? "" : r.title() + "。") + body);
            titles.append(r.title() == null ? "" : r.title()).append('\n');
            bodies.append(body).append('\n');
        }
        List<String> summary = ExtractiveSummarizer.summarize(texts, 3, 300);
        incident.summary = summary.isEmpty() ? null : String.join("", summary);
        Sentiment s = sentiment.analyze(titles + "\n" + (incident.summary == null ? bodies : incident.summary));
        t.sentiment = s.label().name().toLowerCase();
        t.sentimentScore = s.score();
        Optional<Art18Category> category = categories.classify(titles.toString(), bodies.toString()).category();
        incident.category = category.map(Art18Category::code).orElse(null);

        Optional<CasualtyAssessment> casualty = Optional.empty();
        for (IncidentPosts.Row r : posts) {
            Optional<CasualtyAssessment> a = casualties.assess((r.title() == null ? "" : r.title() + "。") + cut(r.body()));
            if (a.isPresent() && (casualty.isEmpty() || a.get().grade().ordinal() < casualty.get().grade().ordinal())) {
                casualty = a;
            }
        }
        Spread spread = Spread.of(posts.stream().map(r -> new SpreadPost(r.publishedAt(), r.source(), r.platform())).toList());
        IncidentGrader.Result graded = grader.grade(new IncidentGrader.Input(casualty.map(CasualtyAssessment::grade),
                casualty.map(CasualtyAssessment::reason).orElse(null), spread, category));
        if (!t.gradeLocked) {
            incident.grade = graded.grade();
            t.gradeReason = graded.reason();
        }
        t.postCount = posts.size();
        t.repostCount = (int) posts.stream().filter(r -> r.duplicateOf() != null).count();
        t.sourceCount = spread.distinctSources();
        t.platformCount = spread.distinctPlatforms();
        Instant first = spread.firstSeen();
        if (first != null && (incident.startedAt == null || first.isBefore(incident.startedAt))) {
            incident.startedAt = first;
        }
        t.lastPostAt = posts.stream().map(IncidentPosts.Row::publishedAt).max(Instant::compareTo).orElse(null);
        Instant now = clock.instant();
        Heat heat = Heat.of(posts.stream().map(IncidentPosts.Row::publishedAt).toList(), now, heatConfig);
        boolean started = heat.rising() && !t.rising;
        t.rising = heat.rising();
        if (started) {
            t.risingSince = now;
        }
        incident.updatedAt = now;
        return new Change(before, incident.grade, started);
    }

    public Heat heat(List<Instant> publishedAt) {
        return Heat.of(publishedAt, clock.instant(), heatConfig);
    }

    private static String cut(String body) {
        return body == null ? "" : body.length() <= TEXT_CHARS ? body : body.substring(0, TEXT_CHARS);
    }
}
