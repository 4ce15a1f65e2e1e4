// The types meshwatch's generated dashboard JSON is checked against, built from Grafana's published
// dashboard model (@grafana/schema). DashboardTypeCheckTest writes each dashboard's JSON as
//   const d0: MeshwatchDashboard = { ...the JSON... };
// and runs `tsc --strict`. The JSON is an object literal, so TypeScript reports every property the
// types do not know (a misspelled field) as well as every wrong value.

import type {
  AnnotationQuery,
  Dashboard,
  DataQuery,
  DataSourceRef,
  FieldConfig,
  FieldConfigSource,
  Panel,
  RowPanel,
} from '@grafana/schema';
import type * as bargauge from '@grafana/schema/dist/esm/raw/composable/bargauge/panelcfg/x/BarGaugePanelCfg_types.gen';
import type * as gauge from '@grafana/schema/dist/esm/raw/composable/gauge/panelcfg/x/GaugePanelCfg_types.gen';
import type * as stat from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type * as table from '@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen';
import type * as text from '@grafana/schema/dist/esm/raw/composable/text/panelcfg/x/TextPanelCfg_types.gen';
import type * as timeseries from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';

// Json<T>: the type T has once written as JSON.
// @grafana/schema declares many fields as TypeScript string enums (ThresholdsMode, MappingType,
// FieldColorModeId, GraphDrawStyle, ...). A string enum is nominal: the JSON literal "absolute" is not
// assignable to ThresholdsMode even though ThresholdsMode.Absolute === "absolute". JSON can only hold the
// values, so Json<T> replaces every string type by its template literal `${T}`, which turns a string enum
// into the union of its member values ("absolute" | "percentage") and leaves plain string and string
// literal unions as they are. Arrays and objects are mapped member by member; a homomorphic mapped type
// keeps optional and readonly modifiers, index signatures and the set of known keys, so excess-property
// checks still apply. Numeric enums (VariableHide, VariableRefresh, DashboardCursorSync) fall through
// unchanged: TypeScript already accepts their member values as number literals (and rejects others).
// `any` is kept as is (0 extends 1 & T is true only for any), which stops the recursion there.
export type Json<T> = 0 extends 1 & T
  ? T
  : T extends string
    ? `${T}`
    : T extends (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

// A Prometheus query. @grafana/schema publishes the query types of a few data sources
// (azuremonitor, cloudwatch, googlecloudmonitoring) but not Prometheus': its panels' `targets` are
// Record<string, unknown> and an annotation's `target` is a DataQuery without `expr`. This declaration
// is ours, written from Grafana's PrometheusDataQuery kind (grafana/grafana
// docs/sources/developers/kinds/composable/prometheusdataquery/schema-reference.md and the plugin's
// dataquery.ts): DataQuery plus these fields, expr required. It is what lets a misspelled query field
// (e.g. `exp`) fail here rather than show an empty panel in Grafana.
export interface PrometheusQuery extends DataQuery {
  datasource?: DataSourceRef;
  editorMode?: 'code' | 'builder';
  exemplar?: boolean;
  expr: string;
  format?: 'time_series' | 'table' | 'heatmap';
  hinting?: boolean;
  instant?: boolean;
  interval?: string;
  intervalFactor?: number;
  legendFormat?: string;
  range?: boolean;
}

// Panels whose plugin publishes no field config of its own: `custom` must stay empty.
type NoCustom = Record<string, never>;

// A panel of one type: the dashboard model's Panel with `type` fixed, `options` and
// `fieldConfig.defaults.custom` replaced by that panel plugin's published types (the veneer's
// Panel<TOptions, TCustom> leaves `options` as Record<string, unknown> and intersects `custom` with
// Record<string, unknown>, which would let any misspelling through), and `targets` Prometheus queries.
// Options are Partial at the top level only: the panel schemas declare an option with a default as
// required, and Grafana fills missing ones from the plugin's defaults when it loads a dashboard; a
// nested object that is present (legend, tooltip, reduceOptions) must still be complete.
export type TypedPanel<Type extends string, Options, Custom> = Omit<
  Json<Panel>,
  'type' | 'options' | 'fieldConfig' | 'targets'
> & {
  type: Type;
  options: Partial<Json<Options>>;
  targets?: Json<PrometheusQuery>[];
  fieldConfig: Omit<Json<FieldConfigSource>, 'defaults'> & {
    defaults: Omit<Json<FieldConfig>, 'custom'> & { custom?: Json<Custom> };
  };
};

// The panel types meshwatch generates; any other type is an error until it is added here.
export type MeshwatchPanel =
  | TypedPanel<'timeseries', timeseries.Options, timeseries.FieldConfig>
  | TypedPanel<'stat', stat.Options, NoCustom>
  | TypedPanel<'gauge', gauge.Options, NoCustom>
  | TypedPanel<'bargauge', bargauge.Options, NoCustom>
  | TypedPanel<'table', table.Options, table.FieldConfig>
  | TypedPanel<'text', text.Options, NoCustom>
  | Json<RowPanel>;

// The dashboard model with the panels and annotation queries typed as above. `type` discriminates the
// panel union, so each panel literal is checked against its own panel type.
export type MeshwatchDashboard = Omit<Json<Dashboard>, 'panels' | 'annotations'> & {
  panels?: MeshwatchPanel[];
  annotations?: { list?: Json<AnnotationQuery<PrometheusQuery>>[] };
};
