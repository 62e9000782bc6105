"""Synthetic news pages for benchmarks: `generate(n, seed)` and `write_jsonl(path, n, seed)`.

Records follow the ingest JSONL contract (`id`, `text` or `html`, `url`, `title`, `published`,
`language`). Pages mimic what scrapers collect about the Sahel: English and French, HTML with
menus, cookie banners, ads, related lists, comments and footers, or scraped text with the same
furniture as lines; a few aggregator pages with several stories. Bodies are 300-900 words, and,
as in real news, most sentences are context (background, quotes, statistics over a period,
hypotheticals) around zero to four event sentences. The output depends only on `n` and `seed`,
and record i is the same whatever `n` is, so corpora of different sizes share a prefix.
No gold labels: this corpus measures speed and robustness, not accuracy.

    python bench/corpus.py --n 500 --seed 7 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

# (name, iso3) of real places; the region is used in "the X region" context sentences.
PLACES = {
    "BFA": ["Djibo", "Diapaga", "Kaya", "Dori", "Gorom-Gorom", "Sebba", "Titao", "Kantchari",
            "Pama", "Barsalogho", "Ouahigouya", "Solenzo", "Nouna", "Kongoussi", "Bourzanga", "Markoye"],
    "MLI": ["Ménaka", "Ansongo", "Boni", "Hombori", "Douentza", "Bankass", "Bandiagara", "Diafarabé",
            "Niono", "Ténenkou", "Léré", "Tessit", "Gao", "Mopti", "Macina", "Kidal"],
    "NER": ["Tillabéri", "Ouallam", "Téra", "Ayorou", "Bankilaré", "Torodi", "Makalondi", "Diffa",
            "Bosso", "Abala", "Filingué", "Gothèye", "Dargol", "Tahoua"],
}
CAPITALS = {"BFA": "Ouagadougou", "MLI": "Bamako", "NER": "Niamey"}
REGIONS = {"BFA": ["Sahel", "Centre-Nord", "Est", "Nord", "Boucle du Mouhoun"],
           "MLI": ["Mopti", "Ménaka", "Gao", "Ségou", "Timbuktu"],
           "NER": ["Tillabéri", "Diffa", "Tahoua", "Dosso"]}
COUNTRY = {"en": {"BFA": "Burkina Faso", "MLI": "Mali", "NER": "Niger"},
           "fr": {"BFA": "au Burkina Faso", "MLI": "au Mali", "NER": "au Niger"}}
ARMY = {"en": {"BFA": ["the Burkinabe army", "Burkinabe soldiers", "troops and VDP volunteers"],
               "MLI": ["the Malian army", "FAMa soldiers", "Malian troops"],
               "NER": ["the Nigerien army", "Nigerien soldiers", "troops"]},
        "fr": {"BFA": ["les soldats burkinabè", "des soldats et des VDP", "les FDS"],
               "MLI": ["les FAMa", "les soldats maliens", "des militaires maliens"],
               "NER": ["les soldats nigériens", "des militaires nigériens", "les FDS"]}}
POLICE = {"en": "police", "fr": "la police"}
GROUPS = {"en": ["JNIM fighters", "fighters of the Islamic State Sahel Province", "gunmen",
                 "suspected jihadists", "unidentified armed men", "gunmen on motorcycles"],
          "fr": ["des combattants du JNIM", "des hommes armés", "des jihadistes présumés",
                 "des éléments de l'État islamique au Sahel", "des individus armés non identifiés"]}
VICTIMS = {"en": ["civilians", "villagers", "herders", "farmers", "traders", "worshippers"],
           "fr": ["civils", "villageois", "éleveurs", "cultivateurs", "commerçants", "fidèles"]}
NUMBER_WORDS = {"en": "zero one two three four five six seven eight nine ten eleven twelve".split(),
                "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze".split()}
WEEKDAYS = {"en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
            "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche".split()}
MONTHS = {"en": "January February March April May June July August September October November December".split(),
          "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()}

# Event sentence templates by sub-event type. Slots: {date} {place} {n} {group} {army} {police}
# {victims} {capital}. {date} is a phrase such as "on Monday" / "lundi" (capitalised when first).
EVENTS = {
    "en": {
        "Attack": ["{group} killed {n} {victims} {date} in the village of {place}, residents said.",
                   "{date}, {group} attacked {place} and killed {n} {victims}, according to a local official."],
        "Armed clash": ["{group} attacked an army position in {place} {date}, and {n} soldiers were killed in the fighting, the army said.",
                        "{army} clashed with {group} near {place} {date}, killing {n} assailants, the defence ministry said."],
        "Remote explosive/landmine/IED": ["{date}, a military convoy hit an improvised explosive device near {place}, killing {n} soldiers.",
                                          "A bus struck a landmine on the road to {place} {date}, killing {n} passengers."],
        "Air/drone strike": ["{army} said a drone strike {date} near {place} had killed {n} militants.",
                             "A drone strike on a market in {place} {date} killed {n} civilians, according to witnesses."],
        "Abduction/forced disappearance": ["{group} abducted {n} {victims} in {place} {date}, relatives said."],
        "Peaceful protest": ["{date}, hundreds of people marched peacefully in {capital} to support the transition authorities.",
                             "Residents of {place} held a peaceful sit-in {date} to demand better protection."],
        "Protest with intervention": ["{date}, {police} fired tear gas to disperse students protesting in {capital}, and arrested {n} of them."],
        "Arrests": ["{police} arrested {n} people suspected of links with armed groups in {place} {date}."],
        "Looting/property destruction": ["{group} looted and burned the weekly market of {place} {date}, traders said."],
        "Non-state actor overtakes territory": ["{group} took control of {place} {date} after the army withdrew from its camp, residents said."],
        "Suicide bomb": ["A suicide bomber blew himself up at a checkpoint in {place} {date}, killing {n} people."],
    },
    "fr": {
        "Attack": ["{date}, {group} ont tué {n} {victims} dans le village de {place}, selon des habitants.",
                   "{group} ont attaqué {place} {date}, faisant {n} morts parmi les {victims}, selon une source locale."],
        "Armed clash": ["{date}, {group} ont attaqué une position de l'armée à {place} ; {n} soldats ont été tués, selon l'armée.",
                        "{army} ont affronté {group} près de {place} {date}, tuant {n} assaillants, selon l'état-major."],
        "Remote explosive/landmine/IED": ["{date}, un véhicule militaire a sauté sur un engin explosif près de {place}, tuant {n} soldats."],
        "Air/drone strike": ["Selon {army}, une frappe de drone menée {date} près de {place} a permis de tuer {n} terroristes."],
        "Abduction/forced disappearance": ["{group} ont enlevé {n} {victims} à {place} {date}, selon leurs proches."],
        "Peaceful protest": ["{date}, des milliers de personnes ont marché pacifiquement à {capital} pour soutenir la transition."],
        "Protest with intervention": ["{date}, {police} a dispersé à coups de gaz lacrymogène une manifestation à {capital} et interpellé {n} personnes."],
        "Arrests": ["La gendarmerie a interpellé {date} à {place} {n} personnes soupçonnées de complicité avec les groupes armés."],
        "Looting/property destruction": ["{date}, {group} ont pillé puis incendié le marché de {place}, selon des commerçants."],
        "Non-state actor overtakes territory": ["{group} ont pris le contrôle de {place} {date} après le retrait de l'armée, selon des habitants."],
    },
}

# Context sentences: most of every body. Slots as above plus {region} {country} {year} {big} {pct}.
CONTEXT = {
    "en": [
        "The {region} region has been one of the areas worst hit by the violence that began in northern Mali in 2012.",
        "More than {big} people were killed in {country} last year, according to conflict monitors.",
        "Armed groups killed about {big} civilians in {year}, human rights organisations estimate.",
        "Attacks have tripled since {year}, and the number of displaced people has risen sharply.",
        "The army did not respond to a request for comment.",
        "The figures could not be independently verified.",
        "Humanitarian organisations say access to the area has become increasingly difficult.",
        "\"We are afraid to go to the fields,\" said a farmer who asked not to be named.",
        "\"Nobody protects us here,\" a resident told reporters by telephone.",
        "Analysts warn that the armed groups could strike further south in the coming months.",
        "The group has threatened to attack any village that cooperates with the authorities.",
        "Officials fear the violence could spread to neighbouring provinces if nothing is done.",
        "The military government came to power promising to restore security.",
        "Several schools and health centres in the area have been closed for months.",
        "Food prices have risen sharply since the main road was cut.",
        "About {pct} percent of the national territory is outside state control, according to some estimates.",
        "Aid agencies say more than two million people have been displaced in the region.",
        "The government rarely comments on attacks and tightly controls information from conflict areas.",
        "Residents said many families had already left for {capital} or for the regional capital.",
        "The authorities have announced a new recruitment drive for civilian auxiliaries.",
        "Local leaders have called for dialogue with the armed groups, an idea the government rejects.",
        "Mobile phone networks in the area are frequently cut, making it hard to confirm reports.",
        "The region borders Niger and Mali, where the same groups are active.",
        "Since {year}, dozens of local officials have fled the area after receiving threats.",
        "Observers say the true toll of the conflict is probably much higher than official figures suggest.",
    ],
    "fr": [
        "La région de {region} est l'une des plus touchées par les violences qui ont débuté dans le nord du Mali en 2012.",
        "Plus de {big} personnes ont été tuées {country} l'année dernière, selon des organisations de suivi.",
        "Les groupes armés ont tué environ {big} civils en {year}, selon des organisations de défense des droits humains.",
        "Le nombre d'attaques a triplé depuis {year}, et celui des déplacés a fortement augmenté.",
        "L'armée n'a pas donné suite à nos sollicitations.",
        "Ce bilan n'a pas pu être vérifié de source indépendante.",
        "Les organisations humanitaires dénoncent un accès de plus en plus difficile à la zone.",
        "« Nous avons peur d'aller aux champs », confie un cultivateur qui a requis l'anonymat.",
        "« Personne ne nous protège ici », déplore un habitant joint au téléphone.",
        "Selon des analystes, les groupes armés pourraient frapper plus au sud dans les mois à venir.",
        "Le groupe a menacé d'attaquer tout village qui collaborerait avec les autorités.",
        "Les autorités de la transition ont promis de restaurer la sécurité sur l'ensemble du territoire.",
        "Plusieurs écoles et centres de santé de la zone sont fermés depuis des mois.",
        "Les prix des denrées ont fortement augmenté depuis que l'axe principal est coupé.",
        "Environ {pct} % du territoire échapperait au contrôle de l'État, selon certaines estimations.",
        "Plus de deux millions de personnes ont été déplacées dans la région, selon les humanitaires.",
        "Le gouvernement communique rarement sur les attaques et contrôle étroitement l'information.",
        "De nombreuses familles ont déjà quitté la zone pour {capital} ou le chef-lieu de région.",
        "Les autorités ont annoncé une nouvelle campagne de recrutement de supplétifs civils.",
        "Des leaders locaux appellent au dialogue avec les groupes armés, une option rejetée par le gouvernement.",
        "Les réseaux téléphoniques sont souvent coupés dans la zone, ce qui complique la vérification.",
        "Depuis {year}, des dizaines d'élus locaux ont fui la zone après avoir reçu des menaces.",
        "Selon des observateurs, le bilan réel du conflit est sans doute bien plus lourd que les chiffres officiels.",
    ],
}
SPEAKERS = {"en": ["a local official", "a teacher who fled the area", "a humanitarian worker", "a researcher based in Dakar",
                    "a community leader", "a trader reached by telephone", "a nurse at the health centre"],
            "fr": ["un responsable local", "un enseignant qui a fui la zone", "un travailleur humanitaire",
                   "un chercheur basé à Dakar", "un leader communautaire", "un commerçant joint au téléphone"]}
REMARKS = {"en": ["The situation gets worse every month", "People no longer trust anyone", "We need roads and schools, not only soldiers",
                  "The markets are empty and the fields are abandoned", "Young people are leaving for the gold mines",
                  "Every family here has lost someone", "Convoys are the only way to get food in"],
           "fr": ["La situation se dégrade chaque mois", "Les gens ne font plus confiance à personne",
                  "Il nous faut des routes et des écoles, pas seulement des soldats", "Les marchés sont vides et les champs abandonnés",
                  "Les jeunes partent vers les sites d'orpaillage", "Chaque famille ici a perdu quelqu'un",
                  "Les convois sont le seul moyen de faire entrer des vivres"]}
NON_CONFLICT = {
    "en": [("Economy", "Gold exports rise as prices hit record", [
        "Gold exports rose by about {pct} percent last year, the mines ministry said.",
        "Shares of mining companies shot up after the figures were published.",
        "The new mining code, analysts said, could kill future investment if it is not revised.",
        "Gold accounts for most of the country's exports and a large share of the state budget.",
        "The price of gold has risen sharply on world markets this year.",
        "\"The government fought hard for a bigger share and it won that battle,\" an analyst said."]),
        ("Sport", "Late goal keeps qualification hopes alive", [
        "The national team won 2-1 thanks to a deadly counter-attack in the final minute.",
        "The visitors were under siege for most of the second half.",
        "The striker fired a low shot past the goalkeeper to kill off the game.",
        "\"We fought like warriors,\" the coach told reporters.",
        "Around {big} fans are expected for the next match in {capital}."])],
    "fr": [("Économie", "Le coton en hausse, les producteurs optimistes", [
        "La production de coton a progressé d'environ {pct} % lors de la dernière campagne.",
        "Les cours mondiaux ont flambé, au bénéfice des producteurs.",
        "Selon les experts, une nouvelle taxe pourrait tuer la filière si elle était maintenue.",
        "La filière fait vivre des centaines de milliers de familles.",
        "« Nous avons gagné la bataille des prix », se réjouit un responsable syndical."]),
        ("Sport", "Les Étalons arrachent la victoire", [
        "Les Étalons se sont imposés 2-1 grâce à une contre-attaque meurtrière en fin de match.",
        "L'attaquant a tiré à bout portant pour tuer le match.",
        "« Nous nous sommes battus comme des guerriers », a déclaré le sélectionneur.",
        "Environ {big} supporters sont attendus à {capital} pour le prochain match."])],
}
PUBLISHERS = {"en": ["Sahel Monitor", "Niamey Daily", "The Desert Dispatch", "Mali Daily Wire", "West Africa Security Review"],
              "fr": ["Le Journal du Faso", "Le Courrier du Sahel", "Faso Actu", "Mali Matin", "Sahel Hebdo"]}
FURNITURE = {
    "en": {"menu": "Home | World | Africa | Sahel | Business | Sport | Opinion",
           "share": "Share | Facebook | X | WhatsApp | Email", "related": "Related articles",
           "comment": "Leave a comment", "newsletter": "Sign up for our newsletter",
           "ai": "Ask our AI assistant about this story", "cookie": "We use cookies to improve your experience.",
           "podcast": "Listen to our podcast: hosted by {name}, produced by Studio Sahel.",
           "bio": "About the author: {name} covers security in the Sahel.", "by": "By {name}",
           "comments": ["May God receive the victims.", "Where is the state?", "Thank you for this report."],
           "headlines": ["Convoy reaches besieged town", "Explainer: who are the armed groups?",
                         "Floods hit the capital", "New budget adopted", "10 photos that show the Sahel"]},
    "fr": {"menu": "Accueil | Actualités | Politique | Sécurité | Économie | Sport",
           "share": "Partager : Facebook | X | WhatsApp", "related": "À lire aussi",
           "comment": "Laisser un commentaire", "newsletter": "Inscrivez-vous à notre newsletter",
           "ai": "Posez votre question à notre assistant IA", "cookie": "Nous utilisons des cookies.",
           "podcast": "Écoutez notre podcast : présentation {name}, réalisation Studio Sahel.",
           "bio": "À propos de l'auteur : {name} couvre la sécurité au Sahel.", "by": "Par {name}",
           "comments": ["Paix aux âmes des victimes.", "Où est l'État ?", "Courage aux populations."],
           "headlines": ["Un convoi arrive dans la ville assiégée", "Comprendre les groupes armés du Sahel",
                         "Inondations dans la capitale", "Le budget adopté", "10 photos du Sahel"]},
}
NAMES = ["Aminata Sawadogo", "Oumar Diallo", "Hadiza Moussa", "Issouf Ouédraogo", "Fatouma Maïga", "Seydou Guindo"]
USERS = ["faso_patriote", "Bamakois223", "sahelwatcher", "Niamey_227", "kadi_b", "Wendkouni_B"]
START, SPAN_DAYS = date(2022, 1, 1), 3 * 365
# Words a truncated headline must not end on.
_DANGLING = {"in", "on", "of", "its", "the", "a", "and", "to", "from", "et", "de", "du", "des", "le", "la", "à", "au", ";"}


def generate(n: int, seed: int) -> list[dict]:
    """n synthetic article records (ingest JSONL shape), the same for the same seed."""
    return [_article(random.Random(f"{seed}:{i}"), i, seed) for i in range(n)]


def write_jsonl(path: str | Path, n: int, seed: int) -> Path:
    """Write `generate(n, seed)` as JSON lines to path; returns the path."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        for record in generate(n, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _article(rng: random.Random, index: int, seed: int) -> dict:
    language = "fr" if rng.random() < 0.45 else "en"
    published = START + timedelta(days=rng.randrange(SPAN_DAYS))
    publisher = rng.choice(PUBLISHERS[language])
    if rng.random() < 0.05:
        stories = [_story(rng, language, published) for _ in range(rng.randint(3, 5))]
        title, html = stories[0][0], False
        text = _aggregator_text(rng, language, published, stories)
    else:
        title, paragraphs = _story(rng, language, published)
        html = rng.random() < 0.5
        text = (_as_html if html else _as_text)(rng, language, published, publisher, title, paragraphs)
    slug = "-".join(title.lower().split()[:6]).replace("'", "").replace(",", "")
    domain = "".join(ch for ch in publisher.lower() if ch.isalnum())
    record = {
        "id": f"bench-{seed}-{index:05d}",
        "url": f"https://www.{domain}.example/{published:%Y/%m}/{slug}-{index}",
        "title": title,
        "published": published.isoformat() if rng.random() < 0.85 else None,
        "language": language if rng.random() < 0.7 else None,
    }
    record["html" if html else "text"] = text
    return record


def _story(rng: random.Random, language: str, published: date) -> tuple[str, list[str]]:
    """A headline and paragraphs: 0-4 event sentences among context, 300-900 words."""
    iso3 = rng.choice(sorted(PLACES))
    slots = _slots(rng, language, iso3)
    if rng.random() < 0.2:
        section, title, pool = rng.choice(NON_CONFLICT[language])
        events = []
        context = [s.format(**slots) for s in pool] + _context(rng, language, slots, 4)
    else:
        types = list(EVENTS[language])
        events = [_event_sentence(rng, language, rng.choice(types), iso3, published)
                  for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3, 4]))]
        context = _context(rng, language, slots, 30)
        title = _headline(language, events, slots)
    target = rng.randint(300, 900)
    sentences, words = list(events[:1]), sum(len(e.split()) for e in events)
    pending = events[1:]
    while words < target and context:
        sentence = context.pop(rng.randrange(len(context)))
        if pending and rng.random() < 0.25:
            sentences.append(pending.pop(0))
        sentences.append(sentence)
        words += len(sentence.split())
        if not context:  # long articles repeat background, as wire copy often does
            context = _context(rng, language, slots, 10)
    sentences.extend(pending)
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + size]))
        i += size
    return title, paragraphs


def _slots(rng: random.Random, language: str, iso3: str) -> dict:
    return {"region": rng.choice(REGIONS[iso3]), "country": COUNTRY[language][iso3], "capital": CAPITALS[iso3],
            "year": rng.choice([2015, 2017, 2019, 2021, 2022]), "big": f"{rng.randrange(1, 9)},{rng.randrange(100, 999)}"
            if language == "en" else f"{rng.randrange(1, 9)} {rng.randrange(100, 999)}", "pct": rng.randrange(10, 60)}


def _context(rng: random.Random, language: str, slots: dict, k: int) -> list[str]:
    """k context sentences: background templates plus quotes from invented speakers."""
    pairs = zip(rng.sample(REMARKS[language], 4), rng.sample(SPEAKERS[language], 4))
    quotes = [f"\"{remark},\" said {speaker}." if language == "en" else f"« {remark} », affirme {speaker}."
              for remark, speaker in pairs]
    pool = [s.format(**slots) for s in CONTEXT[language]] + quotes
    return rng.sample(pool, min(k, len(pool)))


def _event_sentence(rng: random.Random, language: str, sub_event_type: str, iso3: str, published: date) -> str:
    template = rng.choice(EVENTS[language][sub_event_type])
    fill = {"date": _date_phrase(rng, language, published), "place": rng.choice(PLACES[iso3]),
            "n": _number(rng, language), "group": rng.choice(GROUPS[language]), "army": rng.choice(ARMY[language][iso3]),
            "police": POLICE[language], "victims": rng.choice(VICTIMS[language]), "capital": CAPITALS[iso3]}
    sentence = template.format(**fill)
    return sentence[0].upper() + sentence[1:]


def _date_phrase(rng: random.Random, language: str, published: date) -> str:
    days_before = rng.choice([1, 1, 2, 3, 4, 5, 6, 9, 14, 30])
    when = published - timedelta(days=days_before)
    weekday, month = WEEKDAYS[language][when.weekday()], MONTHS[language][when.month - 1]
    en = language == "en"
    if days_before == 1 and rng.random() < 0.5:
        return "yesterday" if en else "hier"
    if days_before < 7:
        return f"on {weekday}" if en else weekday
    if days_before == 30:
        return f"in {month} {when.year}" if en else f"en {month} {when.year}"
    return f"on {when.day} {month}" if en else f"le {when.day} {month}"


def _number(rng: random.Random, language: str) -> str:
    value = rng.choice([2, 3, 4, 5, 6, 7, 9, 11, 12, 15, 18, 20, 24, 31, 40])
    text = NUMBER_WORDS[language][value] if value <= 12 and rng.random() < 0.5 else str(value)
    if rng.random() < 0.3:
        return f"at least {text}" if language == "en" else f"au moins {text}"
    return text


def _headline(language: str, events: list[str], slots: dict) -> str:
    if not events:
        return (f"Insecurity in the {slots['region']} region: residents describe daily fear" if language == "en"
                else f"Insécurité dans la région de {slots['region']} : la peur au quotidien")
    clauses = [c.strip() for c in events[0].rstrip(".").split(",")]
    first = next((c for c in clauses if len(c) > 30), clauses[0])
    words = first.split()
    while len(" ".join(words)) > 90 or words[-1].lower() in _DANGLING:
        words.pop()
    title = " ".join(words)
    return title[0].upper() + title[1:]


def _as_text(rng: random.Random, language: str, published: date, publisher: str, title: str, paragraphs: list[str]) -> str:
    f = FURNITURE[language]
    name = rng.choice(NAMES)
    lines = [publisher, f["menu"], title]
    if rng.random() < 0.6:
        lines.append(f"{published.day} {MONTHS[language][published.month - 1]} {published.year}")
    lines += [f["by"].format(name=name), f["share"], *paragraphs, f["related"],
              *rng.sample(f["headlines"], 3), f["comment"]]
    lines += [f"{u}: {c}" for u, c in zip(rng.sample(USERS, 2), rng.sample(f["comments"], 2))]
    lines += [f["newsletter"], f["ai"], f["podcast"].format(name=rng.choice(NAMES)), f["bio"].format(name=name),
              f"{publisher} | About | Contact | Privacy", f"© {published.year} {publisher}"]
    return "\n".join(lines) + "\n"


def _as_html(rng: random.Random, language: str, published: date, publisher: str, title: str, paragraphs: list[str]) -> str:
    f = FURNITURE[language]
    name = rng.choice(NAMES)
    meta = (f'<meta property="article:published_time" content="{published.isoformat()}T08:00:00+00:00">'
            if rng.random() < 0.6 else "")
    body = []
    for i, paragraph in enumerate(paragraphs):
        body.append(f"<p>{_escape(paragraph)}</p>")
        if i == 2:
            body.append('<div class="ad">Advertisement</div>')
    related = "".join(f'<li><a href="#">{_escape(h)}</a></li>' for h in rng.sample(f["headlines"], 3))
    comments = "".join(f'<div class="comment"><b>{u}</b> <p>{_escape(c)}</p></div>'
                       for u, c in zip(rng.sample(USERS, 2), rng.sample(f["comments"], 2)))
    menu = "".join(f'<li><a href="#">{item.strip()}</a></li>' for item in f["menu"].split("|"))
    return (f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{_escape(title)} | {_escape(publisher)}</title>'
            f'<meta property="og:site_name" content="{_escape(publisher)}">{meta}</head><body>'
            f'<div class="cookie-banner">{f["cookie"]} <button>OK</button></div>'
            f'<header><a class="logo" href="/">{_escape(publisher)}</a><nav><ul>{menu}</ul></nav></header><main><article>'
            f'<h1>{_escape(title)}</h1><p class="byline">{_escape(f["by"].format(name=name))}</p>'
            f'<div class="share">{f["share"]}</div>{"".join(body)}'
            f'<div class="author-bio"><p>{_escape(f["bio"].format(name=name))}</p></div></article>'
            f'<aside class="related"><h2>{f["related"]}</h2><ul>{related}</ul></aside>'
            f'<section class="comments">{comments}<p>{f["comment"]}</p></section>'
            f'<div class="newsletter">{f["newsletter"]}</div></main>'
            f'<footer><p>&copy; {published.year} {_escape(publisher)}</p></footer></body></html>')


def _aggregator_text(rng: random.Random, language: str, published: date, stories: list[tuple[str, list[str]]]) -> str:

    lines = ["NewsNow Sahel", FURNITURE[language]["menu"], f"{published.day} {MONTHS[language][published.month - 1]} {published.year}"]
    for title, paragraphs in stories:
        hours = rng.randint(1, 11)
        unit = ("hour" if language == "en" else "heure") + ("s" if hours > 1 else "")
        ago = f"{hours} {unit} ago" if language == "en" else f"il y a {hours} {unit}"
        lines += ["", title, rng.choice(PUBLISHERS[language]), ago]
        lines += paragraphs[:4]
    lines += ["", "You won't believe what happened next" if language == "en" else "Vous n'allez pas croire ce qui s'est passé",
              FURNITURE[language]["headlines"][-1], "Load more stories" if language == "en" else "Plus d'articles"]
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="number of articles (default 500)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, default=Path("corpus.jsonl"), help="output JSONL path")
    args = parser.parse_args()
    path = write_jsonl(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles to {path}")


if __name__ == "__main__":
    main()
