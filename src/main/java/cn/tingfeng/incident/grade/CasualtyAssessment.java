package cn.tingfeng.incident.grade;

import cn.tingfeng.shared.Grade;

/**
 * Casualties read from a text and the grade they fix. Counts are lower bounds ("十余人" → 11) and null
 * when the text says nothing about them; {@code reason} explains the grade in Chinese.
 */
public record CasualtyAssessment(Grade grade, Integer deaths, Integer seriousInjuries, Integer injuries, String reason) {
}
