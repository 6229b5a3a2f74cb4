//! appariement and remise-en-ordre, fully usable with the keyboard and
//! without drag-and-drop: a labelled list per left item (appariement),
//! « Monter » / « Descendre » buttons (remise-en-ordre).

use communs_core::activity::order::ordering_start;
use communs_core::lesson::{Pair, SafeHtml};
use communs_core::response::Response;
use leptos::prelude::*;

use super::{html_to_text, mark_attr, mark_badge, Ctx};
use crate::components::safe_html;
use crate::i18n::activities::{self as am, ActivityMsg};
use crate::i18n::t;

/// For each left item (author order), a list of the right items in a seeded
/// order; the response gives, per left item, the author index chosen.
#[component]
pub(crate) fn Pairs(ctx: Ctx, pairs: Vec<Pair>) -> impl IntoView {
    let n = pairs.len();
    let chosen = RwSignal::new(vec![None::<usize>; n]);
    ctx.set_collector(move || {
        let c = chosen.get_untracked();
        if c.iter().all(Option::is_none) {
            return Err(ActivityMsg::ChooseFirst);
        }
        if c.iter().any(Option::is_none) {
            return Err(ActivityMsg::CompleteAll);
        }
        Ok(Response::Order(c.into_iter().map(|j| j.unwrap_or(0) as u8).collect()))
    });
    let rights: StoredValue<Vec<String>> = StoredValue::new(pairs.iter().map(|p| html_to_text(p.right.as_str())).collect());
    let rows = pairs
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let select_id = ctx.id(&format!("paire-{i}"));
            view! {
                <li class="paire" data-marque=move || mark_attr(ctx.mark(i), ctx.revealed())>
                    <label class="paire-gauche" for=select_id.clone() inner_html=safe_html(&p.left)></label>
                    <span class="paire-fleche" aria-hidden="true">"→"</span>
                    <select id=select_id class="activite-champ paire-choix" data-testid="paire" data-index=i
                        prop:value=move || chosen.with(|c| c[i].map(|j| j.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<usize>().ok();
                            chosen.update(|c| c[i] = v);
                        }
                        disabled=move || ctx.answered()>
                        <option value="">{t(ActivityMsg::PairPlaceholder)}</option>
                        {move || ctx.order(n, 0).into_iter().map(|j| view! {
                            <option value=j.to_string() selected=move || chosen.with(|c| c[i] == Some(j))>
                                {rights.with_value(|r| r[j].clone())}
                            </option>
                        }).collect_view()}
                    </select>
                    {move || mark_badge(ctx.mark(i), ctx.revealed())}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="activite-consigne">{t(ActivityMsg::PairsHelp)}</p>
        <ul class="paires">{rows}</ul>
    }
}

/// The items in a seeded order (never already right), moved one place at a
/// time; focus follows the moved item and the live region says where it is.
#[component]
pub(crate) fn Ordering(ctx: Ctx, items: Vec<SafeHtml>) -> impl IntoView {
    let n = items.len();
    let order = RwSignal::new(ordering_start(&items, ctx.seed.get()));
    ctx.set_collector(move || Ok(Response::Order(order.get_untracked().into_iter().map(|a| a as u8).collect())));
    let texts: StoredValue<Vec<String>> = StoredValue::new(items.iter().map(|i| html_to_text(i.as_str())).collect());
    let items = StoredValue::new(items);
    let move_item = move |pos: usize, up: bool| {
        let target = if up { pos.checked_sub(1) } else { Some(pos + 1).filter(|&p| p < n) };
        let Some(target) = target else { return };
        let mut author = 0;
        order.update(|o| {
            o.swap(pos, target);
            author = o[target];
        });
        ctx.say(am::moved(&texts.with_value(|t| t[author].clone()), target, n));
        // Keep the focus on the same button of the moved item, or on the
        // other one when it reached an end.
        let at_end = if up { target == 0 } else { target + 1 == n };
        let which = if up != at_end { "monter" } else { "descendre" };
        ctx.focus_later(format!("[data-testid=element][data-index='{author}'] [data-testid={which}]"));
    };
    view! {
        <p class="activite-consigne" id=ctx.id("consigne-ordre")>{t(ActivityMsg::OrderHelp)}</p>
        <ol class="ordre" aria-describedby=ctx.id("consigne-ordre")>
            {move || order.get().into_iter().enumerate().map(|(pos, a)| {
                let text = texts.with_value(|t| t[a].clone());
                view! {
                    <li class="ordre-element" data-testid="element" data-index=a
                        data-marque=move || mark_attr(ctx.mark(pos), ctx.revealed())>
                        <span class="ordre-rang" aria-hidden="true">{pos + 1}</span>
                        <span class="ordre-texte" inner_html=items.with_value(|i| safe_html(&i[a]))></span>
                        <span class="ordre-boutons">
                            <button type="button" class="bouton bouton-secondaire bouton-petit" data-testid="monter"
                                aria-label=am::move_label(true, &text)
                                disabled=move || pos == 0 || ctx.answered()
                                on:click=move |_| move_item(pos, true)>
                                <span aria-hidden="true">"↑ "</span>{t(ActivityMsg::MoveUp)}
                            </button>
                            <button type="button" class="bouton bouton-secondaire bouton-petit" data-testid="descendre"
                                aria-label=am::move_label(false, &text)
                                disabled=move || pos + 1 == n || ctx.answered()
                                on:click=move |_| move_item(pos, false)>
                                <span aria-hidden="true">"↓ "</span>{t(ActivityMsg::MoveDown)}
                            </button>
                        </span>
                        {move || mark_badge(ctx.mark(pos), ctx.revealed())}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
