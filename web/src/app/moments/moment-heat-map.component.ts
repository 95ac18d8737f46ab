import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MomentHeatMapResponse, MomentResponse } from '@waypoint/contracts';
import { MOMENT_HEAT_IN_WORDS, momentHeat } from '@waypoint/domain';
import { countText } from '../shared/format';

/** The heat of a cell (libs/domain momentHeat), from a moment of the heat map. */
export function heatOf(moment: MomentResponse): ReturnType<typeof momentHeat> {
  return momentHeat({
    rating: moment.rating,
    activeInitiatives: moment.activeInitiatives.length,
    openIdeas: moment.openIdeas,
  });
}

/**
 * Customer groups (rows) against moments (columns), each cell coloured by how customers
 * experience the moment now, with what is in flight there. Below 720 px each group's row becomes a
 * list of its moments, so nothing scrolls sideways.
 */
@Component({
  selector: 'wp-moment-heat-map',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="heat__rule">{{ rule }}</p>
    <table class="heat">
      <caption class="heat__caption">
        How customers experience each moment of their journey now, and what is in flight there
      </caption>
      <thead>
        <tr>
          <th scope="col">Customer group</th>
          @for (c of map().columns; track c) {
            <th scope="col">{{ c }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of map().rows; track row.customerGroupId) {
          <tr>
            <th scope="row" class="heat__group">
              {{ row.customerGroupName }}
              @if (row.protected) {
                <span class="heat__protected">protected</span>
              }
            </th>
            @for (cell of row.cells; track $index) {
              @if (cell) {
                <td
                  class="heat__cell"
                  [class]="'heat__cell heat__cell--' + heat(cell).level"
                  [attr.aria-label]="cell.name + ': ' + heat(cell).words"
                  [title]="heat(cell).words"
                >
                  <span class="heat__name">{{ cell.name }}</span>
                  <span class="heat__rating">{{
                    cell.rating === null ? 'Not rated' : cell.rating + ' of 5'
                  }}</span>
                  @if (heat(cell).unattended) {
                    <span class="heat__flag">Nothing in flight</span>
                  }
                  @for (i of cell.activeInitiatives; track i.id) {
                    <a class="heat__link" [routerLink]="['/initiatives', i.id]">{{ i.title }}</a>
                  }
                  @if (cell.openIdeas > 0) {
                    <a class="heat__link" routerLink="/ideas">{{
                      count(cell.openIdeas, 'open idea')
                    }}</a>
                  }
                </td>
              } @else {
                <td class="heat__cell heat__cell--none">
                  <span class="visually-hidden">Not part of this journey</span>
                </td>
              }
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
    }
    .heat__rule {
      margin: 0 0 12px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .heat {
      width: 100%;
      border-collapse: separate;
      border-spacing: 4px;
      table-layout: fixed;
    }
    .heat__caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding-bottom: 4px;
    }
    th {
      text-align: left;
      font: var(--mat-sys-label-large);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    .heat__protected {
      display: block;
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .heat__cell {
      vertical-align: top;
      padding: 8px;
      border-radius: 8px;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
    }
    .heat__cell > span,
    .heat__cell > a {
      display: block;
    }
    .heat__name {
      display: none !important;
      font: var(--mat-sys-label-large);
    }
    .heat__rating {
      font: var(--mat-sys-title-small);
    }
    .heat__flag {
      font-weight: 600;
    }
    .heat__cell--poor {
      background: #f9d3cf;
      color: #5f1410;
    }
    .heat__cell--fair {
      background: #fbe7b5;
      color: #4a3500;
    }
    .heat__cell--good {
      background: #cfe9d4;
      color: #0f3d1c;
    }
    .heat__cell--unrated {
      background: #e6e6e6;
      color: #2b2b2b;
    }
    .heat__cell--none {
      background: transparent;
    }
    .heat__link {
      color: inherit;
    }
    /*
     * A phone: each group's row is a column of its moments, the same 8 px between any two cards
     * and 16 px between groups. The moments not on a group's journey take no room at all (their
     * empty cells would otherwise leave a gap where the column would be).
     */
    @media (max-width: 719px) {
      .heat,
      .heat tbody,
      .heat th,
      .heat td {
        display: block;
        width: auto;
      }
      .heat thead {
        display: none;
      }
      .heat__caption {
        display: block;
        padding-bottom: 8px;
      }
      .heat tbody {
        display: grid;
        gap: 16px;
      }
      .heat tr {
        display: grid;
        gap: 8px;
      }
      .heat__name {
        display: block !important;
      }
      .heat td.heat__cell--none {
        display: none;
      }
    }
  `,
})
export class MomentHeatMapComponent {
  readonly map = input.required<MomentHeatMapResponse>();
  protected readonly rule = MOMENT_HEAT_IN_WORDS;
  protected readonly heat = heatOf;
  protected readonly count = countText;
}
