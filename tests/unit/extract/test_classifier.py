"""Trigger classification on written English and French sentences."""

from __future__ import annotations


import pytest

from sitreps.errors import ConfigError
from sitreps.extract.classifier import Lexicon, Trigger, classify, has_trigger, load_lexicon
from sitreps.model import EVENT_TYPE_OF, EVENT_TYPES, SUB_EVENT_TYPES


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _top(triggers: list[Trigger]) -> str | None:
    """The type the orchestrator keeps: highest event type, then highest score."""
    if not triggers:
        return None
    best = min(triggers, key=lambda t: (EVENT_TYPES.index(EVENT_TYPE_OF[t.sub_event_type]), -t.score))
    return best.sub_event_type


# (language, sentence, expected sub-event type)
TYPED = [
    # Government regains territory
    ("en", "The Malian army recaptured the town of Léré from jihadists on Sunday.", "Government regains territory"),
    ("en", "Government forces regained control of Djibo after a two-day operation.", "Government regains territory"),
    ("en", "Soldiers drove the militants out of the village of Tin-Akoff on Tuesday.", "Government regains territory"),
    ("fr", "Les FAMa ont repris le contrôle de la localité de Boulkessi mardi.", "Government regains territory"),
    ("fr", "L'armée burkinabè a reconquis la ville de Diapaga, selon une source sécuritaire.", "Government regains territory"),
    ("fr", "La localité a été reprise par l'armée après de violents combats.", "Government regains territory"),
    # Non-state actor overtakes territory
    ("en", "Jihadists seized the town of Boni after soldiers withdrew.", "Non-state actor overtakes territory"),
    ("en", "The rebels took control of the military camp at Anefis on Monday.", "Non-state actor overtakes territory"),
    ("en", "The garrison town fell to JNIM fighters overnight.", "Non-state actor overtakes territory"),
    ("fr", "Des jihadistes se sont emparés de la ville de Ménaka jeudi.", "Non-state actor overtakes territory"),
    ("fr", "Les rebelles ont pris le contrôle du camp de Ber samedi.", "Non-state actor overtakes territory"),
    ("fr", "La commune est tombée aux mains des terroristes de l'EIGS.", "Non-state actor overtakes territory"),
    # Armed clash
    ("en", "Soldiers clashed with suspected jihadists near Ansongo on Friday.", "Armed clash"),
    ("en", "Gunmen attacked a military post in Boulkessi, killing 15 soldiers.", "Armed clash"),
    ("en", "Troops repelled an attack by armed men on their base in Tessit.", "Armed clash"),
    ("en", "The army said it killed 20 terrorists during an operation near Djibo.", "Armed clash"),
    ("fr", "De violents affrontements ont opposé l'armée à des hommes armés près de Tessit.", "Armed clash"),
    ("fr", "Les FDS ont repoussé une attaque terroriste contre le détachement de Koutougou.", "Armed clash"),
    ("fr", "L'armée a neutralisé une cinquantaine de terroristes lors d'un accrochage à Tin-Akoff.", "Armed clash"),
    ("fr", "Une patrouille militaire est tombée dans une embuscade près de Gao.", "Armed clash"),
    # Air/drone strike
    ("en", "A drone strike hit a wedding party near Tabatol, killing civilians.", "Air/drone strike"),
    ("en", "Airstrikes targeted militant positions in the Menaka region on Tuesday.", "Air/drone strike"),
    ("en", "Military helicopters bombed a convoy of fighters on motorbikes.", "Air/drone strike"),
    ("fr", "Une frappe aérienne a visé un rassemblement de terroristes à Sollé.", "Air/drone strike"),
    ("fr", "Des frappes de drones ont détruit une base des jihadistes dans le Gourma.", "Air/drone strike"),
    ("fr", "Les vecteurs aériens ont neutralisé plusieurs terroristes près de Djibo.", "Air/drone strike"),
    # Shelling/artillery/missile attack
    ("en", "Militants fired mortar shells at the UN camp in Aguelhok.", "Shelling/artillery/missile attack"),
    ("en", "Rockets struck the airport in Gao on Monday night.", "Shelling/artillery/missile attack"),
    ("en", "Artillery fire pounded the outskirts of the town.", "Shelling/artillery/missile attack"),
    ("fr", "Des obus sont tombés sur le camp de la MINUSMA à Kidal.", "Shelling/artillery/missile attack"),
    ("fr", "Des tirs de mortiers ont visé l'aéroport de Tombouctou dimanche.", "Shelling/artillery/missile attack"),
    ("fr", "Plusieurs roquettes ont été tirées sur la ville de Gao.", "Shelling/artillery/missile attack"),
    # Remote explosive/landmine/IED
    ("en", "A roadside bomb killed four soldiers near Gossi.", "Remote explosive/landmine/IED"),
    ("en", "A bus hit a landmine on the road between Boni and Hombori.", "Remote explosive/landmine/IED"),
    ("en", "An improvised explosive device exploded under a police vehicle in Diffa.", "Remote explosive/landmine/IED"),
    ("fr", "Un véhicule des FAMa a sauté sur une mine près de Douentza.", "Remote explosive/landmine/IED"),
    ("fr", "L'explosion d'un engin explosif improvisé a tué trois soldats.", "Remote explosive/landmine/IED"),
    ("fr", "Un camion de transport a heurté une mine artisanale sur l'axe Dori-Arbinda.", "Remote explosive/landmine/IED"),
    # Suicide bomb
    ("en", "A suicide bomber blew himself up at a checkpoint in Diffa.", "Suicide bomb"),
    ("en", "Two female suicide bombers struck a market in Maiduguri.", "Suicide bomb"),
    ("en", "The attack began with a suicide car bomb at the gate of the base.", "Suicide bomb"),
    ("fr", "Un kamikaze s'est fait exploser devant le camp militaire de Gao.", "Suicide bomb"),
    ("fr", "Un attentat-suicide a visé une mosquée de Maiduguri vendredi.", "Suicide bomb"),
    ("fr", "Les assaillants ont utilisé un véhicule kamikaze contre la base.", "Suicide bomb"),
    # Grenade
    ("en", "A grenade was thrown into a bar in Bangui, wounding six people.", "Grenade"),
    ("en", "An unknown man hurled a hand grenade at a police station.", "Grenade"),
    ("en", "Three people were hurt in a grenade attack on a market.", "Grenade"),
    ("fr", "Une grenade a été lancée dans un bar de Bangui, blessant six personnes.", "Grenade"),
    ("fr", "Une attaque à la grenade a visé un commissariat de Bujumbura.", "Grenade"),
    ("fr", "Un individu a jeté une grenade dans la foule lors d'un mariage.", "Grenade"),
    # Chemical weapon
    ("en", "Helicopters dropped barrels of chlorine gas on the town.", "Chemical weapon"),
    ("en", "Doctors said the victims showed symptoms of sarin exposure after the chemical attack.", "Chemical weapon"),
    ("en", "Militants fired shells filled with toxic gas at the front line.", "Chemical weapon"),
    ("fr", "Une attaque chimique au chlore a frappé la ville de Douma.", "Chemical weapon"),
    ("fr", "Des obus contenant du gaz toxique ont été tirés sur le quartier.", "Chemical weapon"),
    ("fr", "Les enquêteurs accusent l'armée d'avoir utilisé des armes chimiques contre les civils.", "Chemical weapon"),
    # Sexual violence
    ("en", "Soldiers raped several women during a raid on the village.", "Sexual violence"),
    ("en", "Armed men sexually assaulted two girls near the camp for displaced people.", "Sexual violence"),
    ("en", "The militia subjected women to sexual violence in the occupied town.", "Sexual violence"),
    ("fr", "Des femmes ont été violées par des hommes armés à Fada N'Gourma.", "Sexual violence"),
    ("fr", "Des miliciens ont commis des violences sexuelles contre des déplacées.", "Sexual violence"),
    ("fr", "Une jeune fille a subi une agression sexuelle de la part de soldats.", "Sexual violence"),
    # Attack
    ("en", "On 12 March 2023, gunmen killed 12 villagers in Djibo.", "Attack"),
    ("en", "Suspected jihadists massacred dozens of civilians in the village of Solhan.", "Attack"),
    ("en", "Armed bandits opened fire on worshippers at a mosque in Zamfara.", "Attack"),
    ("fr", "Des hommes armés ont tué neuf civils dans le village de Ogossagou.", "Attack"),
    ("fr", "Des terroristes ont attaqué le marché de Tillabéri, tuant 17 personnes.", "Attack"),
    ("fr", "Des villageois ont été exécutés par des jihadistes présumés.", "Attack"),
    # Abduction/forced disappearance
    ("en", "Gunmen kidnapped five aid workers on the road to Ménaka.", "Abduction/forced disappearance"),
    ("en", "Jihadists abducted about 50 women near Arbinda.", "Abduction/forced disappearance"),
    ("en", "The priest was taken hostage by armed men in Diffa.", "Abduction/forced disappearance"),
    ("fr", "Des hommes armés ont enlevé cinq personnes à Diffa.", "Abduction/forced disappearance"),
    ("fr", "Deux enseignants ont été kidnappés par des individus armés.", "Abduction/forced disappearance"),
    ("fr", "Le chef du village a été emmené vers une destination inconnue.", "Abduction/forced disappearance"),
    # Peaceful protest
    ("en", "Hundreds of people protested in Niamey against the French military presence.", "Peaceful protest"),
    ("en", "Teachers went on strike in Ouagadougou to demand unpaid wages.", "Peaceful protest"),
    ("en", "Women held a sit-in outside the governor's office in Mopti.", "Peaceful protest"),
    ("fr", "Des milliers de personnes ont manifesté à Bamako contre la vie chère.", "Peaceful protest"),
    ("fr", "Les enseignants ont organisé une marche pacifique à Ouagadougou.", "Peaceful protest"),
    ("fr", "Les commerçants ont observé un sit-in devant la mairie de Niamey.", "Peaceful protest"),
    # Protest with intervention
    ("en", "Police fired tear gas to disperse protesters in Niamey.", "Protest with intervention"),
    ("en", "Security forces arrested dozens of demonstrators outside parliament.", "Protest with intervention"),
    ("en", "Riot police broke up a rally of opposition supporters in Conakry.", "Protest with intervention"),
    ("fr", "La police a dispersé les manifestants à coups de gaz lacrymogènes.", "Protest with intervention"),
    ("fr", "Plusieurs manifestants ont été interpellés devant l'Assemblée nationale.", "Protest with intervention"),
    ("fr", "Les forces de l'ordre ont empêché la marche de l'opposition à Conakry.", "Protest with intervention"),
    # Excessive force against protesters
    ("en", "Security forces opened fire on protesters in Conakry, killing two.", "Excessive force against protesters"),
    ("en", "Police used live ammunition against demonstrators in Kano.", "Excessive force against protesters"),
    ("en", "Three protesters were shot dead by soldiers during the march.", "Excessive force against protesters"),
    ("fr", "Les forces de l'ordre ont tiré à balles réelles sur les manifestants.", "Excessive force against protesters"),
    ("fr", "Trois manifestants ont été tués par la police à Conakry.", "Excessive force against protesters"),
    ("fr", "La répression sanglante de la manifestation a fait cinq morts.", "Excessive force against protesters"),
    # Violent demonstration
    ("en", "Protesters burned tyres and threw stones at police in Kaya.", "Violent demonstration"),
    ("en", "Rioters ransacked the town hall after the announcement.", "Violent demonstration"),
    ("en", "Demonstrators clashed with security forces in the capital.", "Violent demonstration"),
    ("fr", "Des manifestants ont incendié le siège du parti au pouvoir.", "Violent demonstration"),
    ("fr", "Des heurts ont opposé des jeunes aux forces de l'ordre à Dakar.", "Violent demonstration"),
    ("fr", "Des émeutiers ont érigé des barricades et brûlé des pneus.", "Violent demonstration"),
    # Mob violence
    ("en", "An angry mob lynched two suspected thieves in the market.", "Mob violence"),
    ("en", "The man was beaten to death by a mob of residents.", "Mob violence"),
    ("en", "Angry villagers set fire to the house of a suspected witch.", "Mob violence"),
    ("fr", "Un voleur présumé a été victime de la vindicte populaire à Bobo-Dioulasso.", "Mob violence"),
    ("fr", "Deux hommes ont été lynchés par la foule au marché.", "Mob violence"),
    ("fr", "Une foule en colère a incendié le commissariat de police.", "Mob violence"),
    # Arrests
    ("en", "Police arrested an opposition leader at his home in Bamako.", "Arrests"),
    ("en", "Security forces detained three suspected jihadists in Tillabéri.", "Arrests"),
    ("en", "The journalist was taken into custody by intelligence agents.", "Arrests"),
    ("fr", "Un opposant a été interpellé par la police à Bamako.", "Arrests"),
    ("fr", "Trois présumés terroristes ont été arrêtés par la gendarmerie.", "Arrests"),
    ("fr", "Le journaliste a été placé en garde à vue mercredi.", "Arrests"),
    # Agreement
    ("en", "The government and the rebels signed a peace agreement in Algiers.", "Agreement"),
    ("en", "The two communities agreed to a ceasefire after mediation by elders.", "Agreement"),
    ("en", "Armed groups released 12 hostages in exchange for detained fighters.", "Agreement"),
    ("fr", "Les deux parties ont signé un accord de paix à Alger.", "Agreement"),
    ("fr", "Un cessez-le-feu a été conclu entre les milices rivales.", "Agreement"),
    ("fr", "Les otages ont été libérés après des négociations.", "Agreement"),
    # Change to group/activity
    ("en", "The governor imposed a curfew in Diffa after the unrest.", "Change to group/activity"),
    ("en", "The two armed groups merged to form a new coalition.", "Change to group/activity"),
    ("en", "Authorities banned motorcycles in the region for security reasons.", "Change to group/activity"),
    ("fr", "Le gouverneur a instauré un couvre-feu dans la région de Diffa.", "Change to group/activity"),
    ("fr", "Le groupe a prêté allégeance à l'État islamique.", "Change to group/activity"),
    ("fr", "L'armée a déployé des renforts dans la zone des trois frontières.", "Change to group/activity"),
    # Disrupted weapons use
    ("en", "Soldiers defused an IED on the road to Gao.", "Disrupted weapons use"),
    ("en", "Police seized a large cache of weapons and ammunition in Niamey.", "Disrupted weapons use"),
    ("en", "Air defences intercepted a drone over the capital.", "Disrupted weapons use"),
    ("fr", "Les démineurs ont désamorcé un engin explosif sur l'axe Gao-Ansongo.", "Disrupted weapons use"),
    ("fr", "Les FDS ont saisi des armes et des munitions lors d'une fouille.", "Disrupted weapons use"),
    ("fr", "Une cache d'armes a été découverte par l'armée près de Mopti.", "Disrupted weapons use"),
    # Headquarters or base established
    ("en", "The army set up a new base in the town of Ogossagou.", "Headquarters or base established"),
    ("en", "Militants established a camp in the forest near Fada.", "Headquarters or base established"),
    ("en", "Russian instructors opened a military post at the airport.", "Headquarters or base established"),
    ("fr", "L'armée a installé une nouvelle base militaire à Boni.", "Headquarters or base established"),
    ("fr", "Les jihadistes ont établi un camp dans la forêt de Kompienga.", "Headquarters or base established"),
    ("fr", "Un poste militaire a été créé à Ogossagou après l'attaque.", "Headquarters or base established"),
    # Looting/property destruction
    ("en", "Armed men looted shops and stole cattle in the village.", "Looting/property destruction"),
    ("en", "Fighters torched the health centre and the school in Mansila.", "Looting/property destruction"),
    ("en", "Assailants destroyed a telecommunications mast near Kaya.", "Looting/property destruction"),
    ("fr", "Des hommes armés ont pillé des boutiques et emporté du bétail.", "Looting/property destruction"),
    ("fr", "Les assaillants ont incendié des greniers et des maisons.", "Looting/property destruction"),
    ("fr", "Des individus ont saboté le pylône électrique de la ville.", "Looting/property destruction"),
    # Non-violent transfer of territory
    ("en", "French troops withdrew from their base in Gossi on Tuesday.", "Non-violent transfer of territory"),
    ("en", "UN peacekeepers handed over the camp in Ber to the Malian army.", "Non-violent transfer of territory"),
    ("en", "The militants entered the town without a fight.", "Non-violent transfer of territory"),
    ("fr", "La MINUSMA a rétrocédé le camp de Tessalit aux autorités maliennes.", "Non-violent transfer of territory"),
    ("fr", "Les troupes françaises se sont retirées de la base de Ménaka.", "Non-violent transfer of territory"),
    ("fr", "Les soldats ont quitté leur camp sans combat.", "Non-violent transfer of territory"),
    # Other
    ("en", "Soldiers staged a coup and detained the president in Niamey.", "Other"),
    ("en", "A mass grave was discovered near the village of Moura.", "Other"),
    ("en", "Mutinous soldiers seized power in Ouagadougou.", "Other"),
    ("fr", "Un coup d'État a renversé le président à Niamey.", "Other"),
    ("fr", "Une fosse commune a été découverte près de Djibo.", "Other"),
    ("fr", "Les putschistes ont dissous le gouvernement.", "Other"),
]

# Sentences whose words look like event words but report no ACLED event.
NO_TRIGGER = [
    ("en", "The striker scored twice as the home side attacked relentlessly in the second half."),
    ("en", "He suffered a heart attack while on holiday."),
    ("en", "The attacking midfielder took a shot on goal in the final minute."),
    ("en", "Floods killed 40 people and destroyed thousands of homes."),
    ("en", "Twelve passengers were killed in a road accident near Kaya."),
    ("en", "A fire broke out in the market, but nobody was hurt."),
    ("en", "The minister met his French counterpart to discuss trade."),
    ("en", "The two countries signed a trade agreement on cotton exports."),
    ("en", "A gas explosion at a factory injured three workers."),
    ("en", "Customs officers seized two tonnes of cannabis at the border."),
    ("en", "A cholera outbreak has killed 15 people in the region."),
    ("en", "Shares rallied after the central bank cut rates."),
    ("en", "The company demonstrated its new irrigation pump to farmers."),
    ("en", "Artisanal gold mines employ thousands of young people."),
    ("en", "The photographer shot portraits of the new ministers."),
    ("fr", "Il a succombé à une crise cardiaque à l'hôpital."),
    ("fr", "L'attaquant a marqué deux buts lors du match contre le Sénégal."),
    ("fr", "Des inondations ont fait 20 morts à Niamey."),
    ("fr", "Un accident de la circulation a fait cinq morts sur la route de Kaya."),
    ("fr", "Le ministre a reçu l'ambassadeur de France pour parler de coopération."),
    ("fr", "La douane a saisi deux tonnes de chanvre indien à la frontière."),
    ("fr", "La lutte contre la corruption reste une priorité du gouvernement."),
    ("fr", "Le Rassemblement pour le Mali a tenu son congrès."),
    ("fr", "Les élèves ont repris le chemin de l'école après la reprise des cours."),
    ("fr", "L'enlèvement des ordures pose problème à Bamako."),
    ("fr", "Le Niger a annoncé son retrait de la CEDEAO."),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), TYPED)
def test_classify_finds_the_sub_event_type(lexicon, language, sentence, expected):
    triggers = classify(sentence, language, lexicon)
    assert _top(triggers) == expected, [(t.sub_event_type, t.text, t.score) for t in triggers]


@pytest.mark.parametrize(("language", "sentence"), NO_TRIGGER)
def test_classify_ignores_non_events(lexicon, language, sentence):
    triggers = classify(sentence, language, lexicon)
    assert triggers == [], [(t.sub_event_type, t.text, t.score) for t in triggers]


def test_classify_covers_every_sub_event_type_in_both_languages():
    covered = {(language, sub) for language, _, sub in TYPED}
    for sub in (s for subs in SUB_EVENT_TYPES.values() for s in subs):
        assert ("en", sub) in covered and ("fr", sub) in covered, sub


@pytest.mark.parametrize(
    ("language", "sentence", "word"),
    [
        ("en", "Gunmen kidnapped five aid workers on the road to Ménaka.", "kidnapped"),
        ("fr", "Une frappe aérienne a visé un rassemblement de terroristes.", "frappe aérienne"),
        ("fr", "L\u2019armée a repris le contrôle de Boni l\u2019après-midi.", None),
    ],
)
def test_classify_trigger_offsets_point_into_the_sentence(lexicon, language, sentence, word):
    triggers = classify(sentence, language, lexicon)
    assert triggers
    for trigger in triggers:
        assert sentence[trigger.start:trigger.end] == trigger.text
        assert 0 < trigger.score <= 1
    if word is not None:
        assert any(t.text == word for t in triggers)


def test_classify_returns_triggers_sorted_by_position(lexicon):
    sentence = "Gunmen abducted two traders and torched the market before an airstrike hit their convoy."
    triggers = classify(sentence, "en", lexicon)
    assert [t.start for t in triggers] == sorted(t.start for t in triggers)
    assert {"Abduction/forced disappearance", "Air/drone strike"} <= {t.sub_event_type for t in triggers}


def test_classify_typographic_apostrophe_matches_like_ascii(lexicon):
    ascii_text = "L'EIGS s'est emparé de la localité d'Anderamboukane."
    curly_text = ascii_text.replace("'", "\u2019")
    assert _top(classify(curly_text, "fr", lexicon)) == _top(classify(ascii_text, "fr", lexicon)) is not None


def test_classify_unknown_language_falls_back_to_english(lexicon):
    assert _top(classify("A roadside bomb killed four soldiers.", "es", lexicon)) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police fired tear gas at protesters in Niamey.", True),
        ("The weather in Niamey was hot and dry on Monday.", False),
    ],
)
def test_has_trigger_agrees_with_classify(lexicon, sentence, expected):
    assert has_trigger(sentence, "en", lexicon) is expected
    assert bool(classify(sentence, "en", lexicon)) is expected


def test_load_lexicon_adds_rules_from_an_extra_file(tmp_path, lexicon):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        "[[en.rule]]\ntype = \"Other\"\nscore = 0.9\npatterns = ['(?P<t>state of siege declared)']\n",
        encoding="utf-8",
    )
    sentence = "A state of siege declared in the north."
    assert classify(sentence, "en", lexicon) == []
    assert _top(classify(sentence, "en", load_lexicon(extra))) == "Other"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[en.rule]]\ntype = \"Skirmish\"\nscore = 0.5\npatterns = ['x']\n", "not one of the contract"),
        ("[[en.rule]]\ntype = \"Other\"\nscore = 0.5\npatterns = ['(unclosed']\n", "invalid regular expression"),
        ("[[en.rule]]\ntype = \"Other\"\nscore = 0.5\npatterns = ['@nowhere']\n", "unknown macro"),
        ("[[en.rule]]\ntype = \"Other\"\nscore = 2\npatterns = ['x']\n", "score"),
        ("[en\n", "not valid TOML"),
    ],
)
def test_load_lexicon_rejects_bad_rule_files(tmp_path, content, message):
    extra = tmp_path / "bad.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_lexicon(extra)


def test_load_lexicon_missing_extra_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_lexicon(tmp_path / "absent.toml")
