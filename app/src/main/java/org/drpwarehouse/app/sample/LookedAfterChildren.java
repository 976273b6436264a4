package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.rows.Ssda903Episode;
import org.drpwarehouse.schemas.rows.Ssda903Header;
import org.drpwarehouse.schemas.rows.Ssda903Missing;
import org.drpwarehouse.schemas.rows.Ssda903Review;
import org.drpwarehouse.schemas.rows.Ssda903Uasc;

/**
 * Makes an authority's looked-after children and their SSDA903 rows.
 *
 * <p>Children come into care at a steady rate from five years before the period to its end and
 * stay for a few weeks, a year or two, or until 18; those still in care on the first day of the
 * period or arriving during it are kept. Simulating the years before the period, rather than
 * inventing a stock, gives the stock its real shape: long stays and older children
 * over-represented. Each child has one period of care of one to four episodes, its whole review
 * history (so that the first, second and later review intervals can be checked), a few have
 * missing episodes, and a few are unaccompanied asylum-seeking children.
 */
final class LookedAfterChildren {
  /** How far before the period care starts are simulated: long stays are rarely longer. */
  static final int HISTORY_YEARS = 5;
  /** Children entering care per year at an authority of size 1. */
  private static final double ENTRANTS_PER_YEAR = 65;

  private final WorkingDayCalendar calendar;
  private final ReviewSchedule reviews;

  LookedAfterChildren(WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.reviews = new ReviewSchedule(calendar);
  }

  /** The children, in id order (ids rise with the date care started, as case systems assign them). */
  List<LookedAfterChild> generate(Authority authority, Dice dice) {
    List<String> areas = SyntheticIds.areas(dice);
    List<String> providerUrns = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      providerUrns.add(SyntheticIds.urn(dice));
    }
    LocalDate from = authority.periodStart().minusYears(HISTORY_YEARS);
    int days = (int) ChronoUnit.DAYS.between(from, authority.periodEnd()) + 1;
    int count = (int) Math.round(ENTRANTS_PER_YEAR * authority.size() * days / 365.25);
    List<LocalDate> starts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      starts.add(from.plusDays(dice.below(days)));
    }
    starts.sort(Comparator.naturalOrder());

    List<LookedAfterChild> children = new ArrayList<>();
    int nextId = 100_000 + dice.below(400_000);
    for (LocalDate careStart : starts) {
      Entrant entrant = entrant(careStart, authority.periodEnd(), dice);
      // The draw is made for every simulated child so that the stream does not depend on which are kept.
      if (entrant.careEnd().isBefore(authority.periodStart())) {
        continue;
      }
      nextId += dice.between(1, 40);
      children.add(build(String.valueOf(nextId), entrant, authority, areas, providerUrns, dice));
    }
    return children;
  }

  private record Entrant(LocalDate careStart, LocalDate careEnd, LocalDate dob, boolean uasc, boolean endsAt18) {}

  private Entrant entrant(LocalDate careStart, LocalDate periodEnd, Dice dice) {
    boolean uasc = dice.chance(0.05);
    int age;
    if (uasc) {
      age = dice.between(14, 17);
    } else {
      double u = dice.unit();
      age = u < 0.18 ? 0 : u < 0.33 ? dice.between(1, 4) : u < 0.51 ? dice.between(5, 9) : u < 0.89 ? dice.between(10, 15) : dice.between(16, 17);
    }
    LocalDate dob = careStart.minusYears(age).minusDays(dice.below(365));
    if (dob.isAfter(careStart)) {
      dob = careStart;
    }
    double u = dice.unit();
    int stay = u < 0.35 ? dice.between(7, 180) : u < 0.65 ? dice.between(181, 730) : dice.between(731, 2555);
    LocalDate careEnd = careStart.plusDays(stay);
    LocalDate eighteen = dob.plusYears(18);
    boolean endsAt18 = !careEnd.isBefore(eighteen);
    if (endsAt18) {
      careEnd = eighteen;
    }
    if (!careEnd.isAfter(careStart)) {
      careEnd = careStart.plusDays(1);
    }
    return new Entrant(careStart, careEnd, dob, uasc, endsAt18);
  }

  private LookedAfterChild build(
      String id, Entrant e, Authority authority, List<String> areas, List<String> urns, Dice dice) {
    LocalDate periodEnd = authority.periodEnd();
    String sex = e.uasc() ? (dice.chance(0.9) ? "1" : "2") : (dice.chance(0.56) ? "1" : "2");
    String ethnic = (e.uasc() ? Ssda903Mix.ETHNIC_UASC : Ssda903Mix.ETHNIC).draw(dice);
    String cin = e.uasc() ? "N8" : Ssda903Mix.CIN.draw(dice);
    LocalDate lastSeen = e.careEnd().isAfter(periodEnd) ? periodEnd : e.careEnd();
    int ageAtLastSeen = age(e.dob(), lastSeen);
    String upn = ageAtLastSeen < 5 && dice.chance(0.5) ? "UN1" : SyntheticIds.upn(dice);
    String mother = null;
    LocalDate motherChildDob = null;
    if (sex.equals("2") && ageAtLastSeen >= 12) {
      mother = "0";
      if (ageAtLastSeen >= 15 && dice.chance(0.02)) {
        mother = "1";
        long span = Math.max(1, ChronoUnit.DAYS.between(e.careStart(), lastSeen));
        motherChildDob = e.careStart().plusDays(dice.below((int) Math.min(span, 3000)));
      }
    }
    Ssda903Header header = new Ssda903Header(id, sex, e.dob(), ethnic, upn, mother, motherChildDob);
    String home = e.uasc() ? null : SyntheticIds.postcode(dice.pick(areas), dice);
    List<Ssda903Episode> episodes = episodes(id, e, cin, home, areas, urns, periodEnd, dice);
    List<Ssda903Review> childReviews = new ArrayList<>();
    for (LocalDate review : reviews.lookedAfter(e.careStart(), e.careEnd(), periodEnd, dice)) {
      String code = age(e.dob(), review) < 4 ? "PN0" : Ssda903Mix.PARTICIPATION.draw(dice);
      childReviews.add(new Ssda903Review(id, e.dob(), review, code));
    }
    List<Ssda903Missing> missing = missing(id, e, periodEnd, dice);
    Ssda903Uasc uasc = e.uasc() ? new Ssda903Uasc(id, sex, e.dob(), e.dob().plusYears(18)) : null;
    return new LookedAfterChild(
        header, cin.equals("N2"), e.careStart(), e.careEnd(), episodes, childReviews, missing, uasc);
  }

  private List<Ssda903Episode> episodes(
      String id, Entrant e, String cin, String home, List<String> areas, List<String> urns, LocalDate periodEnd,
      Dice dice) {
    double years = ChronoUnit.DAYS.between(e.careStart(), e.careEnd()) / 365.25;
    int changes = Math.min(3, (int) Math.floor(years * 0.6 + dice.unit() * 1.3));
    int span = (int) ChronoUnit.DAYS.between(e.careStart(), e.careEnd());
    List<LocalDate> changeDates = new ArrayList<>();
    for (int i = 0; i < changes && span > 2; i++) {
      LocalDate date = e.careStart().plusDays(dice.between(1, span - 1));
      if (!changeDates.contains(date) && !date.isAfter(periodEnd)) {
        changeDates.add(date);
      }
    }
    changeDates.sort(Comparator.naturalOrder());

    String ls = e.uasc() ? "V2" : Ssda903Mix.LEGAL_STATUS_AT_ENTRY.draw(dice);
    String place = placement(ls, age(e.dob(), e.careStart()), e.uasc(), dice);
    List<Ssda903Episode> episodes = new ArrayList<>();
    LocalDate decom = e.careStart();
    String rne = "S";
    String provider = provider(place, dice);
    String urn = urn(place, urns, dice);
    String placePost = placementPostcode(place, home, areas, dice);
    for (LocalDate change : changeDates) {
      String nextRne = Ssda903Mix.CHANGE.draw(dice);
      boolean legalChange = nextRne.equals("L") || nextRne.equals("T") || nextRne.equals("B");
      String nextLs = legalChange ? nextLegalStatus(ls, age(e.dob(), change), dice) : ls;
      if (legalChange && nextLs.equals(ls)) {
        nextRne = "P"; // no legal move open to this child: it was a placement change after all
        legalChange = false;
      }
      boolean placementChange = !nextRne.equals("L");
      String reason = placementChange ? Ssda903Mix.REASON_PLACE_CHANGE.draw(dice) : null;
      episodes.add(new Ssda903Episode(id, decom, rne, ls, cin, place, provider, change, "X1", reason, home, placePost, urn));
      decom = change;
      rne = nextRne;
      ls = nextLs;
      if (placementChange) {
        place = placement(ls, age(e.dob(), change), e.uasc(), dice);
        provider = provider(place, dice);
        urn = urn(place, urns, dice);
        placePost = placementPostcode(place, home, areas, dice);
      }
    }
    boolean ended = !e.careEnd().isAfter(periodEnd);
    String rec = ended ? leavingReason(e, ls, dice) : null;
    episodes.add(new Ssda903Episode(
        id, decom, rne, ls, cin, place, provider, ended ? e.careEnd() : null, rec, null, home, placePost, urn));
    return episodes;
  }

  private static String nextLegalStatus(String ls, int age, Dice dice) {
    return switch (ls) {
      case "V2" -> dice.chance(0.7) ? "C1" : "C2";
      case "C1" -> age < 6 && dice.chance(0.2) ? "E1" : "C2";
      case "C2" -> age < 6 && dice.chance(0.5) ? "E1" : "C2";
      case "L1", "L2" -> dice.chance(0.4) ? "V2" : "C1";
      case "J1", "J2", "J3" -> "V2";
      default -> ls;
    };
  }

  private static String placement(String ls, int age, boolean uasc, Dice dice) {
    if (ls.equals("E1")) {
      return Ssda903Mix.PLACE_ADOPTION.draw(dice);
    }
    if (ls.startsWith("J")) {
      return Ssda903Mix.PLACE_REMAND.draw(dice);
    }
    if (uasc) {
      return age >= 16 ? (dice.chance(0.6) ? "H5" : dice.chance(0.6) ? "U6" : "K2") : (dice.chance(0.7) ? "U6" : "K2");
    }
    return Ssda903Mix.placeFor(age).draw(dice);
  }

  private static String provider(String place, Dice dice) {
    if (place.equals("P1")) {
      return "PR0";
    }
    if (place.equals("P2")) {
      return "PR1";
    }
    return Ssda903Mix.providerFor(place).draw(dice);
  }

  private static String urn(String place, List<String> urns, Dice dice) {
    return Ssda903Mix.NO_URN.contains(place) ? "XXXXXXX" : dice.pick(urns);
  }

  private static String placementPostcode(String place, String home, List<String> areas, Dice dice) {
    if (place.equals("P1") && home != null) {
      return home;
    }
    // Most placements are local; a fifth are out of area, as the national figures show.
    String area = dice.chance(0.8) ? dice.pick(areas) : SyntheticIds.area(dice);
    return SyntheticIds.postcode(area, dice);
  }

  private static String leavingReason(Entrant e, String ls, Dice dice) {
    if (e.endsAt18()) {
      return Ssda903Mix.REC_AT_18.draw(dice);
    }
    if (ls.equals("E1") && dice.chance(0.8)) {
      return Ssda903Mix.REC_ADOPTED.draw(dice);
    }
    if (ls.startsWith("J")) {
      return dice.chance(0.5) ? "E14" : "E6";
    }
    return Ssda903Mix.REC_OTHER.draw(dice);
  }

  private static List<Ssda903Missing> missing(String id, Entrant e, LocalDate periodEnd, Dice dice) {
    LocalDate eleven = e.dob().plusYears(11);
    LocalDate from = eleven.isAfter(e.careStart()) ? eleven : e.careStart();
    LocalDate to = e.careEnd().isAfter(periodEnd) ? periodEnd : e.careEnd();
    int span = (int) ChronoUnit.DAYS.between(from, to);
    if (span < 2 || !dice.chance(0.12)) {
      return List.of();
    }
    int count = dice.between(1, 4);
    List<Ssda903Missing> periods = new ArrayList<>();
    LocalDate lastEnd = null;
    List<LocalDate> startDates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      startDates.add(from.plusDays(dice.below(span)));
    }
    startDates.sort(Comparator.naturalOrder());
    for (LocalDate start : startDates) {
      double u = dice.unit();
      int length = u < 0.6 ? dice.between(0, 3) : u < 0.9 ? dice.between(4, 14) : dice.between(15, 60);
      LocalDate end = start.plusDays(length);
      if (lastEnd != null && !start.isAfter(lastEnd)) {
        continue; // a child is not missing twice at once
      }
      lastEnd = end;
      periods.add(new Ssda903Missing(id, e.dob(), dice.chance(0.6) ? "M" : "A", start, end.isAfter(periodEnd) ? null : end));
    }
    return periods;
  }

  static int age(LocalDate dob, LocalDate on) {
    return java.time.Period.between(dob, on).getYears();
  }
}
