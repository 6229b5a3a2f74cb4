//! The participation types (no right answer, recorded as participation):
//! sondage with the distribution of this device's answers, nuage-de-mots
//! with a cloud that is also a list, remue-méninges with a wall grouped in
//! the author's categories.

use std::collections::BTreeMap;

use communs_core::lesson::SafeHtml;
use communs_core::response::Response;
use communs_core::text::normalize_answer;
use leptos::prelude::*;

use super::Ctx;
use crate::components::safe_html;
use crate::i18n::activities::{self as am, ActivityMsg};
use crate::i18n::t;

/// Longest idea or word typed, in characters.
const MAX_IDEA_CHARS: usize = 100;
const MAX_WORD_CHARS: usize = 40;
/// Ideas posted at once.
const MAX_IDEAS: usize = 10;

/// One choice (author order: polls are often scales), then the distribution.
#[component]
pub(crate) fn Poll(ctx: Ctx, question: SafeHtml, options: Vec<SafeHtml>) -> impl IntoView {
    let picked = RwSignal::new(None::<usize>);
    ctx.set_collector(move || {
        picked.get_untracked().map(|i| Response::Choices(vec![i as u8])).ok_or(ActivityMsg::ChooseFirst)
    });
    let name = ctx.id("sondage");
    let options = StoredValue::new(options);
    let n = options.with_value(Vec::len);
    let results = move || {
        let responses = ctx.device_responses();
        let mut counts = vec![0usize; n];
        for r in &responses {
            if let Response::Choices(v) = r {
                for &i in v {
                    if let Some(c) = counts.get_mut(usize::from(i)) {
                        *c += 1;
                    }
                }
            }
        }
        let total: usize = counts.iter().sum();
        let mine = ctx.submitted.with(|s| match s {
            Some(Response::Choices(v)) => v.first().map(|&i| usize::from(i)),
            _ => None,
        });
        view! {
            <div class="sondage-resultats" data-testid="sondage-resultats" data-total=total>
                <p class="activite-sous-titre">{t(ActivityMsg::PollResultsTitle)}</p>
                <ul>
                    {counts.into_iter().enumerate().map(|(i, c)| view! {
                        <li class="sondage-ligne" class:sondage-mien=mine == Some(i) data-testid="sondage-option" data-index=i data-count=c>
                            <span class="sondage-libelle">
                                <span inner_html=options.with_value(|o| safe_html(&o[i]))></span>
                                {(mine == Some(i)).then(|| view! { <span class="sondage-moi">" (" {t(ActivityMsg::YourAnswer).to_lowercase()} ")"</span> })}
                            </span>
                            <progress class="sondage-barre" max=total.max(1) value=c aria-hidden="true"></progress>
                            <span class="sondage-nombre">{am::votes(c, total)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        }
    };
    view! {
        <fieldset class="activite-groupe">
            <legend class="activite-question" inner_html=safe_html(&question)></legend>
            <ul class="activite-options">
                {(0..n).map(|i| {
                    let input_id = format!("{name}-{i}");
                    let for_id = input_id.clone();
                    view! {
                        <li class="activite-option">
                            <label class="activite-option-etiquette" for=for_id>
                                <input type="radio" id=input_id name=name.clone() data-testid="choix" data-index=i
                                    prop:checked=move || picked.get() == Some(i)
                                    disabled=move || ctx.answered()
                                    on:change=move |ev| if event_target_checked(&ev) { picked.set(Some(i)) }/>
                                <span class="activite-option-texte" inner_html=options.with_value(|o| safe_html(&o[i]))></span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
        {move || ctx.answered().then(results)}
    }
}

/// A word of the cloud: how it is shown, how often it was given, and whether
/// the learner gave it in the latest answer.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CloudWord {
    pub shown: String,
    pub count: usize,
    pub mine: bool,
}

/// Groups words by their normalised form (case, accents, spaces and
/// typographic variants do not count), in alphabetical order of that form;
/// each is shown in its most frequent spelling (spaces collapsed; ties are
/// broken by the spelling itself, never by the order of the answers).
pub(crate) fn aggregate_words(responses: &[Response], mine: &[String]) -> Vec<CloudWord> {
    let mut map: BTreeMap<String, (CloudWord, Vec<(String, usize)>)> = BTreeMap::new();
    let mine: Vec<String> = mine.iter().map(|w| normalize_answer(w)).collect();
    for r in responses {
        let Response::Texts(words) = r else { continue };
        for w in words {
            let key = normalize_answer(w);
            if key.is_empty() {
                continue;
            }
            let spelling = w.split_whitespace().collect::<Vec<_>>().join(" ");
            let e = map.entry(key.clone()).or_insert_with(|| (CloudWord { shown: String::new(), count: 0, mine: mine.contains(&key) }, Vec::new()));
            e.0.count += 1;
            match e.1.iter_mut().find(|(s, _)| *s == spelling) {
                Some((_, n)) => *n += 1,
                None => e.1.push((spelling, 1)),
            }
        }
    }
    map.into_values()
        .map(|(mut w, spellings)| {
            // The most frequent spelling; on a tie, whatever the order the
            // answers were stored in: all lowercase, then a capital first
            // letter only, then any other case; unaccented before accented;
            // then alphabetical.
            let best = spellings.iter().min_by(|a, b| {
                let case = |s: &str| {
                    let lower = s.to_lowercase();
                    let mut chars = s.chars();
                    let title = chars.next().map(|c| c.to_lowercase().collect::<String>() + chars.as_str()) == Some(lower.clone());
                    if lower == s { 0 } else if title { 1 } else { 2 }
                };
                let rank = |s: &str| (case(s), normalize_answer(s) != s.to_lowercase(), s.to_string());
                b.1.cmp(&a.1).then_with(|| rank(&a.0).cmp(&rank(&b.0)))
            });
            w.shown = best.map(|b| b.0.clone()).unwrap_or_default();
            w
        })
        .collect()
}

/// Size bucket 1 to 5 of a word given `count` times when the most given was given `max` times.
pub(crate) fn size_bucket(count: usize, max: usize) -> usize {
    if max <= 1 {
        return 3;
    }
    1 + ((count.saturating_sub(1)) * 4 + (max - 1) / 2) / (max - 1)
}

/// Up to `words` fields, then the cloud of this device (visual, hidden from
/// screen readers) and the same words as a list with their counts.
#[component]
pub(crate) fn Cloud(ctx: Ctx, words: u8) -> impl IntoView {
    let n = usize::from(words.clamp(1, 10));
    let values = RwSignal::new(vec![String::new(); n]);
    ctx.set_collector(move || {
        let v: Vec<String> = values.get_untracked().into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if v.is_empty() {
            Err(ActivityMsg::AnswerFirst)
        } else {
            Ok(Response::Texts(v))
        }
    });
    let list_title = ctx.id("nuage-liste");
    let cloud = move || {
        let mine = ctx.submitted.with(|s| match s {
            Some(Response::Texts(v)) => v.clone(),
            _ => Vec::new(),
        });
        let words = aggregate_words(&ctx.device_responses(), &mine);
        let max = words.iter().map(|w| w.count).max().unwrap_or(1);
        let mut by_count = words.clone();
        by_count.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| normalize_answer(&a.shown).cmp(&normalize_answer(&b.shown))));
        let list_title = list_title.clone();
        view! {
            <div class="nuage-zone" data-testid="nuage">
                <p class="activite-sous-titre">{t(ActivityMsg::CloudTitle)}</p>
                <p class="nuage" aria-hidden="true">
                    {words.into_iter().map(|w| {
                        let class = format!("nuage-mot mot-taille-{}{}", size_bucket(w.count, max), if w.mine { " mot-mien" } else { "" });
                        view! { <span class=class data-testid="nuage-mot" data-count=w.count>{w.shown}</span>" " }
                    }).collect_view()}
                </p>
                <p class="activite-sous-titre" id=list_title.clone()>{t(ActivityMsg::CloudListTitle)}</p>
                <ul class="nuage-liste" data-testid="nuage-liste" aria-labelledby=list_title>
                    {by_count.into_iter().map(|w| view! {
                        <li class:mot-mien=w.mine data-count=w.count>
                            <span class="nuage-liste-mot">{w.shown}</span>
                            " — "
                            <span class="nuage-liste-nombre">{am::times(w.count)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        }
    };
    view! {
        <p class="activite-consigne" id=ctx.id("consigne-mots")>{t(ActivityMsg::CloudHelp)}</p>
        <ul class="mots">
            {(0..n).map(|i| {
                let input_id = ctx.id(&format!("mot-{i}"));
                view! {
                    <li class="mot">
                        <label for=input_id.clone()>{am::word_label(i, n)}</label>
                        <input type="text" id=input_id class="activite-champ" data-testid="mot" data-index=i
                            maxlength=MAX_WORD_CHARS autocomplete="off"
                            aria-describedby=ctx.id("consigne-mots")
                            prop:value=move || values.with(|v| v[i].clone())
                            on:input=move |ev| values.update(|v| v[i] = event_target_value(&ev))
                            readonly=move || ctx.answered()/>
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || ctx.answered().then(cloud.clone())}
    }
}

/// An idea is stored as « Catégorie : idée » when the author gave categories.
pub(crate) fn encode_idea(category: Option<&str>, idea: &str) -> String {
    match category {
        Some(c) => format!("{c}\u{a0}: {idea}"),
        None => idea.to_string(),
    }
}

/// The category (index into `categories`) and text of a stored idea.
pub(crate) fn decode_idea<'a>(categories: &[String], stored: &'a str) -> (Option<usize>, &'a str) {
    for (i, c) in categories.iter().enumerate() {
        for sep in ["\u{a0}: ", " : ", ": "] {
            if let Some(rest) = stored.strip_prefix(c.as_str()).and_then(|r| r.strip_prefix(sep)) {
                return (Some(i), rest.trim());
            }
        }
    }
    (None, stored.trim())
}

/// Short ideas, each with one of the author's categories, gathered before
/// being posted together; then the wall of this device, by category.
#[component]
pub(crate) fn Brainstorm(ctx: Ctx, categories: Vec<String>) -> impl IntoView {
    let categories = StoredValue::new(categories);
    let has_categories = categories.with_value(|c| !c.is_empty());
    let idea = RwSignal::new(String::new());
    let category = RwSignal::new(0usize);
    let draft = RwSignal::new(Vec::<(Option<usize>, String)>::new());
    let current = move || {
        let text = idea.get_untracked().trim().to_string();
        (!text.is_empty()).then(|| (has_categories.then(|| category.get_untracked()), text))
    };
    ctx.set_collector(move || {
        let mut all = draft.get_untracked();
        if let Some(c) = current() {
            all.push(c);
        }
        if all.is_empty() {
            return Err(ActivityMsg::AnswerFirst);
        }
        Ok(Response::Texts(
            categories.with_value(|cats| {
                all.iter().map(|(c, s)| encode_idea(c.and_then(|c| cats.get(c)).map(String::as_str), s)).collect()
            }),
        ))
    });
    // Posted ideas leave the draft.
    Effect::new(move |_| {
        if ctx.answered() {
            draft.set(Vec::new());
            idea.set(String::new());
        }
    });
    let idea_id = ctx.id("idee");
    let add = move || {
        if let Some(c) = current() {
            if draft.with_untracked(|d| d.len()) < MAX_IDEAS {
                draft.update(|d| d.push(c));
                idea.set(String::new());
            }
        }
    };
    let add_by_enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            add();
        }
    };
    let label_of = move |c: Option<usize>| {
        c.and_then(|c| categories.with_value(|cats| cats.get(c).cloned())).unwrap_or_else(|| t(ActivityMsg::NoCategory).to_string())
    };
    let wall = move || {
        let cats = categories.get_value();
        let mut groups: Vec<Vec<String>> = vec![Vec::new(); cats.len() + 1];
        for r in ctx.device_responses() {
            if let Response::Texts(v) = r {
                for s in v {
                    let (c, text) = decode_idea(&cats, &s);
                    if !text.is_empty() {
                        groups[c.unwrap_or(cats.len())].push(text.to_string());
                    }
                }
            }
        }
        view! {
            <div class="mur" data-testid="mur">
                <p class="activite-sous-titre">{t(ActivityMsg::WallTitle)}</p>
                <div class="mur-colonnes">
                    {groups.into_iter().enumerate().filter(|(i, g)| !g.is_empty() || *i < cats.len()).map(|(i, g)| {
                        let title = cats.get(i).cloned().unwrap_or_else(|| t(ActivityMsg::NoCategory).to_string());
                        let count = g.len();
                        view! {
                            <section class="mur-colonne" data-testid="mur-categorie" data-count=count>
                                <h4>{title}</h4>
                                {if g.is_empty() {
                                    view! { <p class="mur-vide">{t(ActivityMsg::NothingYet)}</p> }.into_any()
                                } else {
                                    view! { <ul>{g.into_iter().map(|s| view! { <li class="mur-idee">{s}</li> }).collect_view()}</ul> }.into_any()
                                }}
                            </section>
                        }
                    }).collect_view()}
                </div>
            </div>
        }
    };
    view! {
        <p class="activite-consigne" id=ctx.id("consigne-idees")>{t(ActivityMsg::IdeasHelp)}</p>
        <div class="idee-saisie">
            <div class="idee-champ">
                <label for=idea_id.clone()>{t(ActivityMsg::IdeaLabel)}</label>
                <input type="text" id=idea_id class="activite-champ" data-testid="idee" maxlength=MAX_IDEA_CHARS autocomplete="off"
                    aria-describedby=ctx.id("consigne-idees")
                    prop:value=move || idea.get()
                    on:input=move |ev| idea.set(event_target_value(&ev))
                    on:keydown=add_by_enter
                    readonly=move || ctx.answered()/>
            </div>
            {has_categories.then(|| {
                let cat_id = ctx.id("categorie");
                view! {
                    <div class="idee-champ">
                        <label for=cat_id.clone()>{t(ActivityMsg::CategoryLabel)}</label>
                        <select id=cat_id class="activite-champ" data-testid="idee-categorie"
                            prop:value=move || category.get().to_string()
                            on:change=move |ev| category.set(event_target_value(&ev).parse().unwrap_or(0))
                            disabled=move || ctx.answered()>
                            {categories.get_value().into_iter().enumerate().map(|(i, c)| view! {
                                <option value=i.to_string()>{c}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            })}
            <button type="button" class="bouton bouton-secondaire" data-testid="ajouter-idee"
                disabled=move || ctx.answered() on:click=move |_| add()>
                {t(ActivityMsg::AddIdea)}
            </button>
        </div>
        <Show when=move || draft.with(|d| !d.is_empty())>
            <p class="activite-sous-titre" id=ctx.id("brouillon")>{t(ActivityMsg::YourIdeas)}</p>
            <ul class="idees-brouillon" data-testid="idees" aria-labelledby=ctx.id("brouillon")>
                {move || draft.get().into_iter().enumerate().map(|(k, (c, s))| {
                    let label = format!("{}\u{a0}: {s}", t(ActivityMsg::RemoveIdea));
                    view! {
                        <li>
                            <span class="idee-categorie">{label_of(c)}</span>" — "<span>{s}</span>" "
                            <button type="button" class="bouton bouton-secondaire bouton-petit" aria-label=label
                                on:click=move |_| {
                                    draft.update(|d| { if k < d.len() { d.remove(k); } });
                                    ctx.focus_later("[data-testid=idee]".to_string());
                                }>
                                {t(ActivityMsg::RemoveIdea)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
        {move || ctx.answered().then(wall)}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_grouped_without_case_accents_or_spaces() {
        let r = vec![
            Response::Texts(vec!["Partage".into(), " Libre ".into()]),
            Response::Texts(vec!["partagé".into(), "LIBRE".into(), "".into()]),
            Response::Texts(vec!["Open  Street Map".into(), "open street map".into(), "Partage".into()]),
            Response::Choices(vec![1]),
        ];
        let w = aggregate_words(&r, &["libre".into()]);
        let got: Vec<(&str, usize, bool)> = w.iter().map(|w| (w.shown.as_str(), w.count, w.mine)).collect();
        assert_eq!(got, vec![("Libre", 2, true), ("open street map", 2, false), ("Partage", 3, false)]);
    }

    #[test]
    fn sizes_span_five_buckets() {
        assert_eq!(size_bucket(1, 1), 3);
        assert_eq!(size_bucket(1, 9), 1);
        assert_eq!(size_bucket(9, 9), 5);
        assert_eq!(size_bucket(5, 9), 3);
        assert!((1..=20).all(|c| (1..=5).contains(&size_bucket(c, 20))));
    }

    #[test]
    fn ideas_keep_their_category() {
        let cats = vec!["Dans la classe".to_string(), "En ligne".to_string()];
        let s = encode_idea(Some("En ligne"), "Un wiki");
        assert_eq!(decode_idea(&cats, &s), (Some(1), "Un wiki"));
        assert_eq!(decode_idea(&cats, "Wikipédia : une encyclopédie"), (None, "Wikipédia : une encyclopédie"));
        assert_eq!(decode_idea(&[], "idée"), (None, "idée"));
    }
}
