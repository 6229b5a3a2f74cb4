//! reponse-courte (one labelled text field) and texte-a-trous (text fields
//! and lists inside the text).

use communs_core::lesson::TextPart;
use communs_core::response::{Response, MAX_TEXT_CHARS};
use leptos::prelude::*;

use super::{mark_attr, mark_badge, Ctx};
use crate::components::safe_html;
use crate::i18n::activities::{self as am, ActivityMsg};
use crate::i18n::t;

/// One text field; Enter validates (the activity is a form).
#[component]
pub(crate) fn ShortAnswer(ctx: Ctx, answers: Vec<String>) -> impl IntoView {
    let value = RwSignal::new(String::new());
    ctx.set_collector(move || {
        let v = value.get_untracked();
        if v.trim().is_empty() {
            Err(ActivityMsg::AnswerFirst)
        } else {
            Ok(Response::Texts(vec![v]))
        }
    });
    let input_id = ctx.id("reponse");
    let size = answers.iter().map(|a| a.chars().count()).max().unwrap_or(10).clamp(10, 40) + 4;
    view! {
        <div class="reponse-courte" data-marque=move || mark_attr(ctx.mark(0), ctx.revealed())>
            <label for=input_id.clone()>{t(ActivityMsg::YourAnswer)}</label>
            <input type="text" id=input_id data-testid="reponse" class="activite-champ"
                size=size maxlength=MAX_TEXT_CHARS autocomplete="off" spellcheck="false"
                aria-describedby=ctx.id("question")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                readonly=move || ctx.answered()/>
            {move || mark_badge(ctx.mark(0), ctx.revealed())}
        </div>
    }
}

/// The text with its blanks: a field for `{réponse}`, a list for `{liste: …}`
/// (options in a seeded order, values are author indices).
#[component]
pub(crate) fn Blanks(ctx: Ctx, parts: Vec<TextPart>) -> impl IntoView {
    let n = parts.iter().filter(|p| !matches!(p, TextPart::Text { .. })).count();
    let values = RwSignal::new(vec![String::new(); n]);
    ctx.set_collector(move || {
        let v = values.get_untracked();
        if v.iter().all(|s| s.trim().is_empty()) {
            Err(ActivityMsg::AnswerFirst)
        } else {
            Ok(Response::Texts(v))
        }
    });
    let mut k = 0usize;
    let pieces = parts
        .into_iter()
        .map(|p| match p {
            TextPart::Text { html: h } => view! { <span inner_html=safe_html(&h)></span> }.into_any(),
            TextPart::Gap { answers } => {
                let b = k;
                k += 1;
                let size = answers.iter().map(|a| a.chars().count()).max().unwrap_or(8).clamp(6, 30) + 2;
                let expected = answers.first().cloned().unwrap_or_default();
                view! {
                    <span class="trou" data-marque=move || mark_attr(ctx.mark(b), ctx.revealed())>
                        <input type="text" class="activite-champ activite-champ-trou" data-testid="trou" data-index=b
                            aria-label=am::blank_label(b, n) size=size maxlength=MAX_TEXT_CHARS
                            autocomplete="off" spellcheck="false"
                            prop:value=move || values.with(|v| v[b].clone())
                            on:input=move |ev| values.update(|v| v[b] = event_target_value(&ev))
                            readonly=move || ctx.answered()/>
                        <BlankMark ctx=ctx b=b expected=expected/>
                    </span>
                }
                .into_any()
            }
            TextPart::List { options, answer } => {
                let b = k;
                k += 1;
                let expected = options.get(answer).cloned().unwrap_or_default();
                let options = StoredValue::new(options);
                let len = options.with_value(Vec::len);
                view! {
                    <span class="trou" data-marque=move || mark_attr(ctx.mark(b), ctx.revealed())>
                        <select class="activite-champ activite-champ-trou" data-testid="trou" data-index=b
                            aria-label=am::blank_label(b, n)
                            prop:value=move || values.with(|v| v[b].clone())
                            on:change=move |ev| values.update(|v| v[b] = event_target_value(&ev))
                            disabled=move || ctx.answered()>
                            <option value="">{t(ActivityMsg::ListPlaceholder)}</option>
                            {move || ctx.order(len, b + 1).into_iter().map(|i| {
                                let label = options.with_value(|o| o[i].clone());
                                view! { <option value=i.to_string() selected=move || values.with(|v| v[b] == i.to_string())>{label}</option> }
                            }).collect_view()}
                        </select>
                        <BlankMark ctx=ctx b=b expected=expected/>
                    </span>
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <div class="texte-a-trous" id=ctx.id("texte")>{pieces}</div> }
}

/// The mark of a blank, and the expected answer once the solution is shown.
#[component]
fn BlankMark(ctx: Ctx, b: usize, expected: String) -> impl IntoView {
    view! {
        {move || mark_badge(ctx.mark(b), ctx.revealed())}
        {move || {
            let wrong = ctx.mark(b) == Some(communs_core::lesson::Mark::Wrong);
            (wrong && ctx.revealed()).then(|| view! {
                <span class="trou-attendu" data-testid="trou-attendu">"(" {expected.clone()} ")"</span>
            })
        }}
    }
}
