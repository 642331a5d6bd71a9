// Angular Material / CDK pages, compiled in the page (JIT): the components are declared by
// calling Angular's decorators as functions, so no decorator syntax or AOT build is needed.
import '@angular/compiler';
import { CdkTableModule } from '@angular/cdk/table';
import { Component, provideZonelessChangeDetection } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatListModule } from '@angular/material/list';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { MatToolbarModule } from '@angular/material/toolbar';
import { bootstrapApplication } from '@angular/platform-browser';
import { done, props } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = props<Record<string, any>>();

const toolbar = (app: string) => `
<mat-toolbar color="primary">
  <span>${app}</span><span style="flex:1 1 auto"></span>
  <span class="account" aria-label="Signed in as">{{ me.name }}</span>
</mat-toolbar>`;
const footer = `<footer style="padding:16px;color:#666;font:14px Roboto,sans-serif">Questions? @for (m of mailboxes; track m) {<a [href]="'mailto:' + m">{{ m }}</a> }</footer>`;

const templates: Record<string, string> = {
  flex: `${toolbar('Coral Bay CRM')}
<main style="padding:16px">
  <h1 class="mat-headline-small">Leads</h1>
  <mat-table [dataSource]="rows" class="mat-elevation-z1">
    <ng-container matColumnDef="first"><mat-header-cell *matHeaderCellDef>First name</mat-header-cell><mat-cell *matCellDef="let r">{{ r.first }}</mat-cell></ng-container>
    <ng-container matColumnDef="last"><mat-header-cell *matHeaderCellDef>Last name</mat-header-cell><mat-cell *matCellDef="let r">{{ r.last }}</mat-cell></ng-container>
    <ng-container matColumnDef="email"><mat-header-cell *matHeaderCellDef>Email</mat-header-cell><mat-cell *matCellDef="let r">{{ r.email }}</mat-cell></ng-container>
    <ng-container matColumnDef="phone"><mat-header-cell *matHeaderCellDef>Mobile</mat-header-cell><mat-cell *matCellDef="let r">{{ r.phone }}</mat-cell></ng-container>
    <ng-container matColumnDef="company"><mat-header-cell *matHeaderCellDef>Company</mat-header-cell><mat-cell *matCellDef="let r">{{ r.company }}</mat-cell></ng-container>
    <ng-container matColumnDef="title"><mat-header-cell *matHeaderCellDef>Job title</mat-header-cell><mat-cell *matCellDef="let r">{{ r.title }}</mat-cell></ng-container>
    <ng-container matColumnDef="id"><mat-header-cell *matHeaderCellDef>Lead ID</mat-header-cell><mat-cell *matCellDef="let r">{{ r.id }}</mat-cell></ng-container>
    <mat-header-row *matHeaderRowDef="cols"></mat-header-row>
    <mat-row *matRowDef="let row; columns: cols"></mat-row>
  </mat-table>
  <mat-paginator [length]="132" [pageSize]="12" [pageSizeOptions]="[12, 24]"></mat-paginator>
</main>${footer}`,
  cdk: `${toolbar('Marrowline Ops')}
<main style="padding:16px;font:14px Roboto,sans-serif">
  <h1 class="mat-headline-small">Supplier contacts</h1>
  <table cdk-table [dataSource]="rows" style="border-collapse:collapse;width:100%">
    <ng-container cdkColumnDef="name"><th cdk-header-cell *cdkHeaderCellDef>Contact</th><td cdk-cell *cdkCellDef="let r">{{ r.name }}</td></ng-container>
    <ng-container cdkColumnDef="email"><th cdk-header-cell *cdkHeaderCellDef>Email</th><td cdk-cell *cdkCellDef="let r"><a [href]="'mailto:' + r.email">{{ r.email }}</a></td></ng-container>
    <ng-container cdkColumnDef="code"><th cdk-header-cell *cdkHeaderCellDef>Dial code</th><td cdk-cell *cdkCellDef="let r">{{ r.code }}</td></ng-container>
    <ng-container cdkColumnDef="phone"><th cdk-header-cell *cdkHeaderCellDef>Phone</th><td cdk-cell *cdkCellDef="let r">{{ r.phone }}</td></ng-container>
    <ng-container cdkColumnDef="company"><th cdk-header-cell *cdkHeaderCellDef>Supplier</th><td cdk-cell *cdkCellDef="let r">{{ r.company }}</td></ng-container>
    <ng-container cdkColumnDef="spend"><th cdk-header-cell *cdkHeaderCellDef>Spend (YTD)</th><td cdk-cell *cdkCellDef="let r">{{ r.spend }}</td></ng-container>
    <tr cdk-header-row *cdkHeaderRowDef="cols"></tr>
    <tr cdk-row *cdkRowDef="let row; columns: cols" style="border-bottom:1px solid #e0e0e0"></tr>
  </table>
</main>${footer}`,
  heyreach: `${toolbar('HeyReach')}
<main style="padding:16px">
  <h1 class="mat-headline-small">Campaign: Series A founders</h1>
  <table mat-table [dataSource]="rows" class="mat-elevation-z1">
    <ng-container matColumnDef="name"><th mat-header-cell *matHeaderCellDef>Name</th><td mat-cell *matCellDef="let r"><a [href]="'https://www.linkedin.com/in/' + r.slug">{{ r.name }}</a></td></ng-container>
    <ng-container matColumnDef="headline"><th mat-header-cell *matHeaderCellDef>Headline</th><td mat-cell *matCellDef="let r">{{ r.headline }}</td></ng-container>
    <ng-container matColumnDef="email"><th mat-header-cell *matHeaderCellDef>Email</th><td mat-cell *matCellDef="let r">{{ r.email || '—' }}</td></ng-container>
    <ng-container matColumnDef="title"><th mat-header-cell *matHeaderCellDef>Job title</th><td mat-cell *matCellDef="let r">{{ r.title }}</td></ng-container>
    <ng-container matColumnDef="company"><th mat-header-cell *matHeaderCellDef>Company</th><td mat-cell *matCellDef="let r">{{ r.company }}</td></ng-container>
    <ng-container matColumnDef="location"><th mat-header-cell *matHeaderCellDef>Location</th><td mat-cell *matCellDef="let r">{{ r.location }}</td></ng-container>
    <tr mat-header-row *matHeaderRowDef="cols"></tr>
    <tr mat-row *matRowDef="let row; columns: cols"></tr>
  </table>
</main>`,
  inbox: `${toolbar('Replyhub')}
<div style="display:flex;height:calc(100vh - 64px)">
  <mat-nav-list style="width:300px;border-right:1px solid #ddd;overflow:auto" aria-label="Conversations">
    @for (e of entries; track e.name) {
      <a mat-list-item href="#" [activated]="e.open">
        <span matListItemTitle>{{ e.name }}</span>
        <span matListItemLine>{{ e.snippet }} · {{ e.time }}</span>
      </a>
    }
  </mat-nav-list>
  <section style="flex:1;padding:16px;font:14px Roboto,sans-serif">
    <h1 class="mat-headline-small">{{ lead.name }}</h1>
    <p>Hello! Sending over the signed copy now.</p>
    <p style="text-align:right">Thanks, received.</p>
  </section>
  <mat-card style="width:320px;margin:16px" appearance="outlined">
    <mat-card-header><mat-card-title>{{ lead.name }}</mat-card-title><mat-card-subtitle>{{ lead.title }} at {{ lead.company }}</mat-card-subtitle></mat-card-header>
    <mat-card-content>
      <mat-list>
        <mat-list-item><span matListItemTitle>Email</span><span matListItemLine><a [href]="'mailto:' + lead.email">{{ lead.email }}</a></span></mat-list-item>
        <mat-list-item><span matListItemTitle>Phone</span><span matListItemLine>{{ lead.phone }}</span></mat-list-item>
        <mat-list-item><span matListItemTitle>Company</span><span matListItemLine>{{ lead.company }}</span></mat-list-item>
        <mat-list-item><span matListItemTitle>Job title</span><span matListItemLine>{{ lead.title }}</span></mat-list-item>
        <mat-list-item><span matListItemTitle>LinkedIn</span><span matListItemLine><a [href]="'https://www.linkedin.com/in/' + lead.slug + '/'">Open profile</a></span></mat-list-item>
      </mat-list>
    </mat-card-content>
  </mat-card>
</div>`,
};

const columns: Record<string, string[]> = {
  flex: ['first', 'last', 'email', 'phone', 'company', 'title', 'id'],
  cdk: ['name', 'email', 'code', 'phone', 'company', 'spend'],
  heyreach: ['name', 'headline', 'email', 'title', 'company', 'location'],
  inbox: [],
};

class AppComponent {
  me = data.me;
  rows = data.rows ?? [];
  cols = columns[data.kind]!;
  mailboxes = data.mailboxes ?? [];
  entries = data.entries ?? [];
  lead = data.lead ?? {};
}
Component({
  selector: 'app-root',
  template: templates[data.kind]!,
  imports: [MatToolbarModule, MatTableModule, MatPaginatorModule, CdkTableModule, MatListModule, MatCardModule],
})(AppComponent);

document.body.querySelector('#root')?.replaceWith(document.createElement('app-root'));
document.body.classList.add('mat-typography');
bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] })
  .then(() => done(600))
  .catch((e: unknown) => {
    console.error(e);
  });
