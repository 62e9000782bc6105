"""Fusion of hand-built, already resolved mentions into events."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sitreps import fuse
from sitreps.model import Actor, Mention, Place

DJIBO = Place("Djibo", "BFA", "Burkina Faso", "Sahel", "Soum", latitude=14.0994, longitude=-1.6306, geonameid=2361177)
GASKINDE = Place("Gaskindé", "BFA", "Burkina Faso", "Sahel", "Soum", latitude=14.2167, longitude=-1.4833, geonameid=2360570)
SAHEL = Place("Sahel", "BFA", "Burkina Faso", "Sahel", latitude=14.0, longitude=-0.5, geonameid=2597267)
ARMY = Actor("Military Forces of Burkina Faso (2022-)", "State forces", "BFA")
JNIM = Actor("JNIM: Group for Support of Islam and Muslims", "Rebel group")
ISSP = Actor("Islamic State Sahel Province", "Rebel group")
MONDAY = date(2024, 3, 11)


def _mention(document: str, **changes) -> Mention:
    fields = dict(
        mention_id=f"{document}#m0",
        article_id=document,
        document_id=document,
        path=f"{document}.html",
        sub_event_type="Armed clash",
        evidence=f"Soldiers clashed with JNIM fighters in Djibo on Monday ({document}).",
        evidence_span=(0, 60),
        publisher=f"Outlet {document}",
        published=date(2024, 3, 13),
        event_date=MONDAY,
        time_precision=1,
        place=DJIBO,
        geo_precision=1,
        actor1=ARMY,
        actor2=JNIM,
        confidence=0.6,
    )
    fields.update(changes)
    return Mention(**fields)


@pytest.mark.parametrize("documents", [("a", "b"), ("a", "b", "c")])
def test_fuse_same_day_place_actors_from_different_documents_give_one_event(settings, documents):
    events = fuse.run([_mention(d) for d in documents], settings)
    assert len(events) == 1
    assert [s.document for s in events[0].sources] == list(documents)
    assert events[0].location == "Djibo" and events[0].event_date == MONDAY


@pytest.mark.parametrize(
    "counts, fatalities, low, best, high",
    [
        ((7, 5), 5, 5, 5, 7),
        ((7, 0, 5, 12), 5, 5, 7, 12),
        ((0, 4), 4, 4, 4, 4),
        ((0, 0), 0, None, None, None),
    ],
)
def test_fuse_fatalities_are_the_lowest_positive_count_and_a_range(settings, counts, fatalities, low, best, high):
    mentions = [_mention(f"doc{i}", fatalities=n) for i, n in enumerate(counts)]
    (event,) = fuse.run(mentions, settings)
    assert (event.fatalities, event.fatalities_low, event.fatalities_best, event.fatalities_high) == (
        fatalities,
        low,
        best,
        high,
    )
    assert [s.fatalities for s in event.sources] == list(counts)


@pytest.mark.parametrize("other", [GASKINDE, dataclasses.replace(DJIBO, name="Boni", geonameid=1, latitude=11.5, longitude=-3.4)])
def test_fuse_different_villages_same_day_give_two_events(settings, other):
    events = fuse.run([_mention("a"), _mention("b", place=other)], settings)
    assert len(events) == 2


@pytest.mark.parametrize("days_apart, expected", [(0, 1), (1, 2)])
def test_fuse_default_window_keeps_the_same_place_next_day_apart(settings, days_apart, expected):
    # The event unit is one day: two reports that each fix a different day are two events.
    assert settings.fuse_date_window_days == 0
    later = dataclasses.replace(_mention("b"), event_date=date.fromordinal(MONDAY.toordinal() + days_apart))
    assert len(fuse.run([_mention("a"), later], settings)) == expected


@pytest.mark.parametrize("days_apart, expected", [(1, 1), (2, 2)])
def test_fuse_window_1_joins_precise_reports_one_day_apart(settings, days_apart, expected):
    later = dataclasses.replace(_mention("b"), event_date=date.fromordinal(MONDAY.toordinal() + days_apart))
    assert len(fuse.run([_mention("a"), later], settings.replace(fuse_date_window_days=1))) == expected


@pytest.mark.parametrize("days_apart, expected", [(0, 1), (1, 2)])
def test_fuse_window_0_separates_precise_reports_one_day_apart(settings, days_apart, expected):
    later = dataclasses.replace(_mention("b"), event_date=date.fromordinal(MONDAY.toordinal() + days_apart))
    events = fuse.run([_mention("a"), later], settings.replace(fuse_date_window_days=0))
    assert len(events) == expected


@pytest.mark.parametrize("precision, days_apart, expected", [(2, 3, 1), (2, 7, 2), (3, 4, 1), (3, 20, 2)])
def test_fuse_vague_dates_widen_the_window(settings, precision, days_apart, expected):
    vague = _mention("b", event_date=date.fromordinal(MONDAY.toordinal() + days_apart), time_precision=precision)
    assert len(fuse.run([_mention("a"), vague], settings)) == expected


def test_fuse_event_takes_the_most_precise_date_and_place(settings):
    vague = _mention("a", event_date=date(2024, 3, 15), time_precision=3, place=SAHEL, geo_precision=3)
    (event,) = fuse.run([vague, _mention("b")], settings)
    assert (event.event_date, event.time_precision, event.location, event.geo_precision) == (MONDAY, 1, "Djibo", 1)


@pytest.mark.parametrize(
    "mentions",
    [
        [_mention("a", fatalities=3), _mention("b", fatalities=4)],
        [_mention("a"), _mention("b", place=GASKINDE), _mention("c", event_date=date(2024, 3, 20))],
    ],
)
def test_fuse_event_id_stable_across_runs_and_input_order(settings, mentions):
    first = [e.event_id for e in fuse.run(mentions, settings)]
    again = [e.event_id for e in fuse.run(list(mentions), settings)]
    reversed_order = [e.event_id for e in fuse.run(list(reversed(mentions)), settings)]
    assert first == again == reversed_order
    assert len(set(first)) == len(first)


@pytest.mark.parametrize(
    "first, second",
    [
        ({"place": None, "geo_precision": None}, {"place": None, "geo_precision": None}),
        ({"sub_event_type": "Arrests"}, {"sub_event_type": "Looting/property destruction"}),
    ],
)
def test_fuse_separate_events_get_distinct_ids(settings, first, second):
    events = fuse.run([_mention("a", **first), _mention("b", **second)], settings)
    assert len(events) == 2
    assert events[0].event_id != events[1].event_id


@pytest.mark.parametrize(
    "changed",
    [
        {"event_date": date(2024, 3, 12)},
        {"where": 2360570},
        {"family": "Arrests"},
        {"actor1": JNIM.name},
        {"actor2": JNIM.name},
    ],
)
def test_fuse_event_id_changes_with_identifying_fields(changed):
    key = dict(event_date=MONDAY, where=DJIBO.geonameid, family="violence", actor1=ARMY.name, actor2="")
    assert fuse.event_id(**key) != fuse.event_id(**{**key, **changed})
    assert fuse.event_id(**key) == fuse.event_id(**dict(key))


@pytest.mark.parametrize("documents", [1, 2, 3])
def test_fuse_confidence_grows_with_independent_sources(settings, documents):
    fewer = fuse.run([_mention(f"doc{i}") for i in range(documents)], settings)[0].confidence
    more = fuse.run([_mention(f"doc{i}") for i in range(documents + 1)], settings)[0].confidence
    assert fewer < more <= 0.99


def test_fuse_confidence_does_not_grow_with_mentions_of_one_document(settings):
    # Two mentions of one document in one event (an analyst's merge) are one source.
    one = fuse.fuse_cluster([_mention("a")], {}, settings)
    twice = fuse.fuse_cluster([_mention("a"), _mention("a", mention_id="a#m1")], {}, settings)
    assert twice.confidence == one.confidence
    assert len(twice.sources) == 1


@pytest.mark.parametrize("same_article", [False, True])
def test_fuse_unplaced_mentions_stay_apart(settings, same_article):
    # Other documents: nothing but a day in common. One story: extraction already told them apart.
    a = _mention("a", place=None, geo_precision=None)
    b = _mention("a" if same_article else "b", mention_id="x#m1", place=None, geo_precision=None)
    assert len(fuse.run([a, b], settings)) == 2


def test_fuse_two_mentions_of_one_story_are_two_events(settings):
    a = _mention("a")
    b = _mention("a", mention_id="a#m1")
    assert len(fuse.run([a, b], settings)) == 2


@pytest.mark.parametrize(
    "sub_event_type, expected",
    [("Attack", 1), ("Air/drone strike", 1), ("Peaceful protest", 2), ("Arrests", 2)],
)
def test_fuse_only_same_kind_of_violence_merges(settings, sub_event_type, expected):
    assert len(fuse.run([_mention("a"), _mention("b", sub_event_type=sub_event_type)], settings)) == expected


def test_fuse_merged_event_takes_the_highest_type(settings):
    (event,) = fuse.run([_mention("a", sub_event_type="Attack"), _mention("b")], settings)
    assert (event.event_type, event.sub_event_type, event.disorder_type) == ("Battles", "Armed clash", "Political violence")


@pytest.mark.parametrize("region_admin1, expected", [("Sahel", 1), ("Nord", 2)])
def test_fuse_region_report_joins_a_town_inside_it(settings, region_admin1, expected):
    region = dataclasses.replace(SAHEL, admin1=region_admin1)
    mentions = [_mention("a"), _mention("b", place=region, geo_precision=3)]
    assert len(fuse.run(mentions, settings)) == expected


@pytest.mark.parametrize("country", ["MLI", "NER"])
def test_fuse_different_countries_never_merge(settings, country):
    abroad = dataclasses.replace(DJIBO, country_iso3=country)
    assert len(fuse.run([_mention("a"), _mention("b", place=abroad)], settings)) == 2


@pytest.mark.parametrize("perpetrator", [ISSP])
def test_fuse_different_named_perpetrators_give_two_events(settings, perpetrator):
    mentions = [_mention("a", actor1=JNIM, actor2=ARMY), _mention("b", actor1=perpetrator, actor2=ARMY)]
    assert len(fuse.run(mentions, settings)) == 2


def test_fuse_event_fields_follow_the_actors_and_place(settings):
    (event,) = fuse.run([_mention("a", fatalities=3)], settings)
    assert (event.actor1, event.actor2) == (ARMY.name, JNIM.name)
    assert (event.inter1, event.inter2, event.interaction) == ("State forces", "Rebel group", "State forces-Rebel group")
    assert (event.iso3, event.country, event.admin1, event.admin2) == ("BFA", "Burkina Faso", "Sahel", "Soum")
    assert (event.latitude, event.longitude) == (14.0994, -1.6306)
    assert "Djibo" in event.notes and "3 reported killed" in event.notes


@pytest.mark.parametrize("count", [0, 1])
def test_fuse_run_empty_or_single_input(settings, count):
    assert len(fuse.run([_mention(f"doc{i}") for i in range(count)], settings)) == count


def test_named_groups_match_whichever_side_a_report_names_first(settings):
    # "The army repelled IS Sahel" and "IS Sahel attacked the army" tell one clash ...
    reversed_roles = _mention("b", actor1=ISSP, actor2=ARMY)
    assert len(fuse.run([_mention("a", actor2=ISSP), reversed_roles], settings)) == 1
    # ... while JNIM and IS Sahel attacking the army the same day are two events.
    assert len(fuse.run([_mention("a"), reversed_roles], settings)) == 2


TUESDAY = date(2024, 3, 12)


@pytest.mark.parametrize(
    "spill, day, expected",
    [
        ((0, 1), TUESDAY, 1),  # "in the night of Monday to Tuesday" and "on Tuesday": one attack
        ((0, 0), TUESDAY, 2),  # "on Monday" and "on Tuesday": two
        ((1, 0), TUESDAY, 2),  # "early on Monday" reaches back to Sunday night, not on to Tuesday
        ((0, 1), date(2024, 3, 13), 2),  # a night reaches the next day only
    ],
)
def test_fuse_a_night_report_matches_the_next_day(settings, spill, day, expected):
    night = _mention("a", date_spill=spill)
    next_day = _mention("b", event_date=day)
    assert len(fuse.run([night, next_day], settings)) == expected


def test_fuse_a_night_report_joins_the_report_of_the_same_night_before_a_look_alike(settings):
    # Monday's attack told as "Monday night" and "on Monday"; another attack on Tuesday. The
    # report "early on Tuesday" [Mon-Tue] fits both, and is nearer the night's span.
    monday = [_mention("a"), _mention("b", date_spill=(0, 1))]
    tuesday = [_mention("c", event_date=TUESDAY), _mention("d", event_date=TUESDAY)]
    early = _mention("e", event_date=TUESDAY, date_spill=(1, 0))
    clusters = fuse.assign(fuse.assign([], monday + tuesday, settings), [early], settings)
    home = next(c for c in clusters if any(m.mention_id == early.mention_id for m in c.mentions))
    assert {m.document_id for m in home.mentions} == {"a", "b", "e"}


@pytest.mark.parametrize("toll, home", [(6, {"a", "b"}), (12, {"c", "d"})])
def test_fuse_a_week_report_fitting_two_events_joins_the_one_with_the_nearer_toll(settings, toll, home):
    # "Earlier this week, N soldiers were killed in Djibo": the date fits both Monday's and
    # Tuesday's event; the toll tells which.
    monday = [_mention("a", fatalities=5), _mention("b", fatalities=6)]
    tuesday = [_mention("c", event_date=TUESDAY, fatalities=12), _mention("d", event_date=TUESDAY, fatalities=11)]
    week = _mention("w", event_date=date(2024, 3, 14), time_precision=2, fatalities=toll)
    clusters = fuse.assign(fuse.assign([], monday + tuesday, settings), [week], settings)
    joined = next(c for c in clusters if any(m.document_id == "w" for m in c.mentions))
    assert {m.document_id for m in joined.mentions} - {"w"} == home


def test_fuse_a_copy_goes_where_its_original_went_whatever_its_date(settings):
    # A repost a day later reads "yesterday" as another day; it is still the original's report.
    original = _mention("a")
    repost = _mention("r", event_date=TUESDAY, evidence=original.evidence)
    other = _mention("c", event_date=TUESDAY)
    clusters = fuse.assign(fuse.assign([], [original, other], settings), [repost], settings, copies={"r": "a"})
    home = next(c for c in clusters if any(m.document_id == "r" for m in c.mentions))
    assert {m.document_id for m in home.mentions} == {"a", "r"}
    # Without the copy link the repost's own date decides.
    clusters = fuse.assign(fuse.assign([], [original, other], settings), [repost], settings)
    home = next(c for c in clusters if any(m.document_id == "r" for m in c.mentions))
    assert {m.document_id for m in home.mentions} == {"c", "r"}


@pytest.mark.parametrize(
    "a_precision, b_precision, km, expected",
    [
        (1, 1, 0, 1),  # the same town
        (2, 2, 20, 1),  # "near" two towns 20 km apart: within fuse_distance_km
        (1, 1, 20, 2),  # two named towns 20 km apart are two places
        (2, 2, 120, 2),  # too far even for "near"
    ],
)
def test_fuse_place_windows_follow_geo_precision(settings, a_precision, b_precision, km, expected):
    # 1 degree of latitude is about 111 km.
    moved = dataclasses.replace(DJIBO, name="Elsewhere", geonameid=1, latitude=DJIBO.latitude + km / 111.2)
    a = _mention("a", geo_precision=a_precision)
    b = _mention("b", place=moved if km else DJIBO, geo_precision=b_precision)
    assert len(fuse.run([a, b], settings)) == expected


BURKINA = Place("Burkina Faso", "BFA", "Burkina Faso", latitude=12.5, longitude=-1.5, geonameid=2361809)


@pytest.mark.parametrize("other, expected", [("Hossrawa", 1), ("Hosrawa", 1), ("Tiblega", 2)])
def test_fuse_villages_the_gazetteer_lacks_match_by_their_names(settings, other, expected):
    # Both are coded to the country (precision 3); only their names tell them apart.
    def unlisted(document, name):
        return _mention(document, place=BURKINA, geo_precision=3, place_text=name, place_qualifier="unlisted")

    assert len(fuse.run([unlisted("a", "Hosrawa"), unlisted("b", other)], settings)) == expected


def test_fuse_a_country_level_report_of_another_document_stays_apart(settings):
    # Two documents share nothing but a country and a day: they are not known to be one event.
    village = _mention("a", place=BURKINA, geo_precision=3, place_text="Hosrawa", place_qualifier="unlisted")
    country = _mention("b", place=BURKINA, geo_precision=3, place_text="Burkina Faso")
    assert len(fuse.run([village, country], settings)) == 2


def test_fuse_an_undated_report_of_another_document_stays_apart(settings):
    dated = _mention("a")
    undated = dataclasses.replace(_mention("b"), event_date=None, time_precision=None)
    assert len(fuse.run([dated, undated], settings)) == 2


def test_fuse_the_type_most_reports_give_wins_over_a_higher_one(settings):
    # Two outlets tell a massacre; a third calls it a clash: the event is what most of them say.
    reports = [
        _mention("a", sub_event_type="Attack", actor2=None),
        _mention("b", sub_event_type="Attack", actor2=None),
        _mention("c", sub_event_type="Armed clash", actor2=None),
    ]
    (event,) = fuse.run(reports, settings)
    assert event.sub_event_type == "Attack"


@pytest.mark.parametrize("place, precision", [(None, None), (Place("Burkina Faso", "BFA", "Burkina Faso"), 3)])
def test_fuse_other_documents_need_a_place_below_the_country(settings, place, precision):
    vague = _mention("b", place=place, geo_precision=precision)
    assert len(fuse.run([_mention("a"), vague], settings)) == 2


def test_fuse_reports_that_disagree_on_the_perpetrator_still_fuse(settings):
    militia = Actor("Dogon Ethnic Militia (Mali)", "Identity militia", "MLI")
    hunters = Actor("Dozo Communal Militia (Mali)", "Identity militia", "MLI")
    civilians = Actor("Civilians (Burkina Faso)", "Civilians", "BFA")
    a = _mention("a", sub_event_type="Attack", actor1=militia, actor2=civilians)
    b = _mention("b", sub_event_type="Attack", actor1=hunters, actor2=civilians)
    assert len(fuse.run([a, b], settings)) == 1


def test_fuse_two_complete_actor_pairs_of_different_kinds_stay_apart(settings):
    # Same place and day: attackers killing students, and police killing the attackers.
    police = Actor("Police Forces of Burkina Faso", "State forces", "BFA")
    gunmen = Actor("Unidentified Armed Group (Burkina Faso)", "Rebel group", "BFA")
    civilians = Actor("Civilians (Burkina Faso)", "Civilians", "BFA")
    massacre = _mention("a", sub_event_type="Attack", actor1=gunmen, actor2=civilians)
    assault = _mention("b", sub_event_type="Armed clash", actor1=police, actor2=gunmen)
    assert len(fuse.run([massacre, assault], settings)) == 2


def test_fuse_cluster_mentions_of_one_article_telling_one_event_are_one_claim(settings):
    lead = _mention("a", fatalities=5)
    detail = _mention("a", mention_id="a#m1", evidence="Five soldiers died in Djibo, the army said.", fatalities=5)
    event = fuse.fuse_cluster([lead, detail], {}, settings)
    assert [s.mention_id for s in event.sources] == ["a#m0"]
    assert event.sources[0].evidence.count("Djibo") == 2  # both sentences, in one claim


@pytest.mark.parametrize(
    "second",
    [
        dict(event_date=date(2024, 3, 14)),  # another day
        dict(place=GASKINDE),  # another village
        dict(sub_event_type="Government regains territory", actor1=ARMY, actor2=JNIM),  # another kind
    ],
    ids=["day", "place", "kind"],
)
def test_fuse_cluster_keeps_each_event_one_article_told_as_its_own_claim(settings, second):
    # An analyst merged two events one article told apart: each stays a report of its own.
    first = _mention("a", fatalities=9)
    other = _mention("a", mention_id="a#m1", evidence="Three days later the army fought again.", fatalities=11, **second)
    event = fuse.fuse_cluster([first, other], {}, settings)
    assert [(s.mention_id, s.fatalities) for s in event.sources] == [("a#m0", 9), ("a#m1", 11)]
    assert event.confidence == fuse.fuse_cluster([first], {}, settings).confidence  # still one document


CIVILIANS = Actor("Civilians (Burkina Faso)", "Civilians", "BFA")
GUNMEN = Actor("Unidentified Armed Group (Burkina Faso)", "Political militia", "BFA")


@pytest.mark.parametrize(
    "tolls, days_apart, other_place, expected",
    [
        ((20, 23), 1, None, 1),  # one massacre dated by when it began and when it ended
        ((23, 20), 1, None, 1),
        ((20, 23), 2, None, 2),  # two days off is another day
        ((5, 6), 1, None, 2),  # small tolls: a clash the next day at the same town is common
        ((20, 60), 1, None, 2),  # the tolls disagree: nothing says it is the same incident
        ((20, 0), 1, None, 2),  # one report gives no toll
        ((20, 23), 1, GASKINDE, 2),  # another village the next day
    ],
)
def test_fuse_a_one_day_slip_between_outlets_needs_the_same_spot_and_a_large_matching_toll(
    settings, tolls, days_apart, other_place, expected
):
    first = _mention("a", sub_event_type="Attack", actor1=GUNMEN, actor2=CIVILIANS, fatalities=tolls[0])
    later = _mention(
        "b", sub_event_type="Attack", actor1=GUNMEN, actor2=CIVILIANS, fatalities=tolls[1],
        event_date=date.fromordinal(MONDAY.toordinal() + days_apart), place=other_place or DJIBO,
    )
    assert len(fuse.run([first, later], settings)) == expected


def test_fuse_a_one_day_slip_is_not_forgiven_for_week_or_month_dates_beyond_their_slack(settings):
    # The slip is for two day-precise dates; vaguer dates already carry their own slack.
    first = _mention("a", fatalities=30)
    week = _mention("b", fatalities=30, time_precision=2, event_date=date.fromordinal(MONDAY.toordinal() + 4))
    assert len(fuse.run([first, week], settings)) == 2


@pytest.mark.parametrize(
    "village, context, expected",
    [
        ("Gaskinde", (), 1),  # a spelling of the listed village
        ("Tiblega", (), 2),  # another village of the country, unknown to the gazetteer
        ("Tiblega", ("Gaskindé",), 1),  # "Tiblega, near Gaskindé": the story places it by that town
    ],
)
def test_fuse_a_village_the_gazetteer_lacks_matches_a_listed_town_only_by_name(settings, village, context, expected):
    listed = _mention("a", place=GASKINDE, place_text="Gaskindé")
    unlisted = _mention(
        "b", place=BURKINA, geo_precision=3, place_text=village, place_qualifier="unlisted", place_context=context
    )
    assert len(fuse.run([listed, unlisted], settings)) == expected


@pytest.mark.parametrize(
    "perpetrator, victims, expected",
    [
        (ARMY, CIVILIANS, 1),  # "soldiers killed villagers" and "gunmen killed villagers": one massacre
        (ARMY, GUNMEN, 2),  # "soldiers killed the gunmen": the response, another event
    ],
)
def test_fuse_reports_blaming_different_kinds_of_perpetrator_for_one_massacre_fuse(settings, perpetrator, victims, expected):
    massacre = _mention("a", sub_event_type="Attack", actor1=GUNMEN, actor2=CIVILIANS)
    other = _mention("b", sub_event_type="Attack" if victims is CIVILIANS else "Armed clash", actor1=perpetrator, actor2=victims)
    assert len(fuse.run([massacre, other], settings)) == expected


def test_fuse_type_follows_the_reports_whose_actors_bear_it_out(settings):
    # Two outlets call a hotel siege a clash but name no second armed side; a third names the
    # civilians who were shot: it was violence against civilians.
    reports = [
        _mention("a", sub_event_type="Armed clash", actor1=GUNMEN, actor2=None),
        _mention("b", sub_event_type="Armed clash", actor1=GUNMEN, actor2=None),
        _mention("c", sub_event_type="Attack", actor1=GUNMEN, actor2=CIVILIANS),
    ]
    (event,) = fuse.run(reports, settings)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    # A clash that names both armed sides keeps its type against a lone report of an attack.
    reports = [
        _mention("a", sub_event_type="Armed clash", actor1=ARMY, actor2=GUNMEN),
        _mention("b", sub_event_type="Armed clash", actor1=ARMY, actor2=GUNMEN),
        _mention("c", sub_event_type="Attack", actor1=GUNMEN, actor2=ARMY),
    ]
    (event,) = fuse.run(reports, settings)
    assert event.sub_event_type == "Armed clash"


@pytest.mark.parametrize("tolls, slip", [((20, 23), True), ((5, 6), False)])
def test_signals_say_when_a_day_slip_was_forgiven(settings, tolls, slip):
    from sitreps.fuse.explain import signals

    a = _mention("a", fatalities=tolls[0])
    b = _mention("b", fatalities=tolls[1], event_date=TUESDAY)
    why = signals(a, b, settings)
    assert (why.days_apart, why.days_allowed, why.day_slip, why.fits) == (1, 0, slip, slip)
