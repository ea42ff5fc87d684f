// The part of autocannon's API that bench/api.ts uses (the package ships no types).
declare module 'autocannon' {
  interface RequestParams { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  interface Options {
    url: string; connections?: number; duration?: number; overallRate?: number;
    requests?: { setupRequest?: (req: RequestParams) => RequestParams }[];
  }
  interface Histogram { average: number; total: number; p50: number; p99: number }
  interface Result { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
