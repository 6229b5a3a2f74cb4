//! The participation types (no right answer, recorded as participation):
//! sondage with the distribution of this device's answers, nuage-de-mots
//! with a cloud that is also a list, remue-méninges with a wall grouped in
//! the author's categories. The tallies are
//! `communs_core::activity::participation`; ideas are stored in the format
//! of `communs_core::response::encode_idea`.

use communs_core::activity::participation::{aggregate_words, by_frequency, size_bucket, tally_poll, wall};
use communs_core::lesson::SafeHtml;
use communs_core::response::{encode_idea, Response};
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
    ctx.set_collector(move || picked.get_untracked().map(|i| Response::Choices(vec![i as u8])).ok_or(ActivityMsg::ChooseFirst));
    let name = ctx.id("sondage");
    let options = StoredValue::new(options);
    let n = options.with_value(Vec::len);
    let results = move || {
        let tally = tally_poll(n, &ctx.device_responses());
        let total = tally.total;
        let mine = ctx.submitted.with(|s| match s {
            Some(Response::Choices(v)) => v.first().map(|&i| usize::from(i)),
            _ => None,
        });
        view! {
            <div class="sondage-resultats" data-testid="sondage-resultats" data-total=total>
                <p class="activite-sous-titre">{t(ActivityMsg::PollResultsTitle)}</p>
                <ul>
                    {tally.counts.into_iter().enumerate().map(|(i, c)| view! {
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
        let by_count = by_frequency(&words);
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
            categories
                .with_value(|cats| all.iter().map(|(c, s)| encode_idea(c.and_then(|c| cats.get(c)).map(String::as_str), s)).collect()),
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
        let columns = wall(&cats, &ctx.device_responses());
        view! {
            <div class="mur" data-testid="mur">
                <p class="activite-sous-titre">{t(ActivityMsg::WallTitle)}</p>
                <div class="mur-colonnes">
                    {columns.into_iter().map(|col| {
                        let title = col.category.and_then(|i| cats.get(i).cloned()).unwrap_or_else(|| t(ActivityMsg::NoCategory).to_string());
                        let g = col.ideas;
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
