/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.registration.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free bounded minimisation with a quadratic model in a trust region, after Powell's NEWUOA / BOBYQA:
 * the model interpolates the objective at 2n + 1 points and, of all quadratics that do, its Hessian changes least
 * (Frobenius norm) from the previous one. Each iteration minimises the model within the trust radius, evaluates
 * that point and swaps it for the interpolation point that keeps the set best spread; the resolution ρ falls from
 * {@code rhoBegin} to {@code rhoEnd} as the model stops finding progress. Unlike those codes the model is re-solved
 * from its (2n + 1 + n + 1)-square system at every step (n ≤ 6 here, so that costs microseconds) instead of
 * updating the system's inverse, which keeps the code short (and the JIT's work small). Deterministic; bounds are
 * kept by clipping trial points. It replaces Commons Math's BOBYQAOptimizer, whose 5,800-byte main method the JIT
 * compiled several times in each fresh JVM: on two cores that took more time than the registration's searches.
 */
public final class QuadraticModelSearch {

    /** The best point found, its value and how many evaluations it took. */
    public record Result(double[] point, double value, int evaluations) {
    }

    private final ToDoubleFunction<double[]> f;
    private final double[] lower, upper;
    private final int n, m;
    private final double[][] y; // interpolation points
    private final double[] fy;
    private int best;
    private int evaluations;
    // the model about y[best] (where it equals fy[best]): gradient g, Hessian h; the interpolation system's inverse
    private final double[] g;
    private final double[][] h;
    private double scale;
    private double[][] inverse;

    private QuadraticModelSearch(ToDoubleFunction<double[]> f, double[] lower, double[] upper) {
        this.f = f;
        this.lower = lower;
        this.upper = upper;
        this.n = lower.length;
        this.m = 2 * n + 1;
        this.y = new double[m][];
        this.fy = new double[m];
        this.g = new double[n];
        this.h = new double[n][n];
    }

    /**
     * Minimises {@code f} from {@code x0} within {@code lower..upper}.
     *
     * @param rhoBegin first trust radius (parameter units): about a tenth of the expected distance to the optimum
     * @param rhoEnd final resolution: the optimum is known to about this
     */
    public static Result minimise(ToDoubleFunction<double[]> f, double[] x0, double[] lower, double[] upper, double rhoBegin,
            double rhoEnd, int maxEvaluations) {
        QuadraticModelSearch s = new QuadraticModelSearch(f, lower, upper);
        s.run(x0, rhoBegin, rhoEnd, maxEvaluations);
        return new Result(s.y[s.best].clone(), s.fy[s.best], s.evaluations);
    }

    private void run(double[] x0, double rhoBegin, double rhoEnd, int maxEvaluations) {
        double rho = rhoBegin, delta = rhoBegin;
        start(clip(x0), rho);
        while (evaluations < maxEvaluations) {
            if (!fit()) { // the points lost their spread (should not happen): start again around the best
                start(y[best].clone(), rho);
                continue;
            }
            double[] d = step(delta);
            double dn = norm(d);
            if (dn < 0.5 * rho) { // the model's optimum is within this resolution
                delta = Math.max(0.1 * delta, rho);
                if (farthest() > 2 * delta) {
                    improve(delta);
                    continue;
                }
                if (rho <= rhoEnd) {
                    return;
                }
                double next = nextRho(rho, rhoEnd);
                delta = Math.max(0.5 * rho, next);
                rho = next;
                continue;
            }
            double predicted = -modelChange(d);
            double[] x = add(y[best], d);
            double fx = evaluate(x);
            double ratio = predicted > 0 ? (fy[best] - fx) / predicted : -1;
            delta = ratio <= 0.1 ? 0.5 * dn : ratio <= 0.7 ? Math.max(0.5 * delta, dn) : Math.max(0.5 * delta, 2 * dn);
            if (delta <= 1.5 * rho) {
                delta = rho;
            }
            int k = replaced(x, fx < fy[best], delta);
            y[k] = x;
            fy[k] = fx;
            if (fx < fy[best]) {
                best = k;
            }
            if (ratio < 0.1) {
                if (farthest() > 2 * delta) {
                    if (fit()) {
                        improve(delta);
                    }
                } else if (ratio <= 0 && Math.max(delta, dn) <= rho) {
                    if (rho <= rhoEnd) {
                        return;
                    }
                    double next = nextRho(rho, rhoEnd);
                    delta = Math.max(0.5 * rho, next);
                    rho = next;
                }
            }
        }
    }

    /** NEWUOA's schedule for the resolution. */
    private static double nextRho(double rho, double rhoEnd) {
        double r = rho / rhoEnd;
        return r <= 16 ? rhoEnd : r <= 250 ? Math.sqrt(r) * rhoEnd : 0.1 * rho;
    }

    /** x0 and x0 ± rho along each axis (the other side, twice as far, where a bound is in the way). */
    private void start(double[] x0, double rho) {
        y[0] = x0;
        fy[0] = evaluate(x0);
        best = 0;
        for (int i = 0; i < n; i++) {
            for (int side = 0; side < 2; side++) {
                double[] x = x0.clone();
                double t = side == 0 ? rho : -rho;
                if (x[i] + t > upper[i] || x[i] + t < lower[i]) {
                    t = -2 * t;
                }
                x[i] = Math.max(lower[i], Math.min(upper[i], x[i] + t));
                int k = 1 + 2 * i + side;
                y[k] = x;
                fy[k] = evaluate(x);
                if (fy[k] < fy[best]) {
                    best = k;
                }
            }
        }
        for (double[] row : h) {
            Arrays.fill(row, 0);
        }
    }

    private double evaluate(double[] x) {
        evaluations++;
        return f.applyAsDouble(x);
    }

    /**
     * The least-change model about y[best]: solves [A Xᵀ; X 0] (λ, c, g) = (f − f_best − ½ dᵀHd, 0) with
     * A = ½ (dᵢ·dⱼ)² on the displacements scaled by their spread, and adds Σ λ d dᵀ to the Hessian. False if singular.
     */
    private boolean fit() {
        double[][] d = displacements();
        int size = m + n + 1;
        double[][] w = new double[size][size];
        double[] rhs = new double[size];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = dot(d[i], d[j]);
                w[i][j] = w[j][i] = 0.5 * dot * dot;
            }
            w[i][m] = w[m][i] = 1;
            for (int t = 0; t < n; t++) {
                w[i][m + 1 + t] = w[m + 1 + t][i] = d[i][t];
            }
            double[] dx = new double[n];
            for (int t = 0; t < n; t++) {
                dx[t] = d[i][t] * scale;
            }
            rhs[i] = fy[i] - fy[best] - 0.5 * quadratic(dx);
        }
        inverse = invert(w);
        if (inverse == null) {
            return false;
        }
        double[] z = times(inverse, rhs); // λ, then the constant (0: the model passes through the best point), then g
        double s4 = scale * scale * scale * scale;
        for (int t = 0; t < n; t++) {
            g[t] = z[m + 1 + t] / scale;
        }
        for (int k = 0; k < m; k++) {
            double l = z[k] / s4;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    h[a][b] += l * (d[k][a] * scale) * (d[k][b] * scale);
                }
            }
        }
        return true;
    }

    /** Displacements of the points from y[best], divided by their largest length (sets {@link #scale}). */
    private double[][] displacements() {
        double[][] d = new double[m][n];
        double largest = 0;
        for (int k = 0; k < m; k++) {
            for (int t = 0; t < n; t++) {
                d[k][t] = y[k][t] - y[best][t];
            }
            largest = Math.max(largest, norm(d[k]));
        }
        scale = largest > 0 ? largest : 1;
        for (double[] row : d) {
            for (int t = 0; t < n; t++) {
                row[t] /= scale;
            }
        }
        return d;
    }

    /**
     * The values at x of the Lagrange functions of the points (the factor by which swapping each point for x would
     * change the interpolation system's determinant).
     */
    private double[] lagrange(double[] x) {
        return times(inverse, basis(x));
    }

    /** The interpolation system's column for a point x: ½ (dₖ·dₓ)², 1, dₓ (scaled displacements from the best). */
    private double[] basis(double[] x) {
        double[] dx = new double[n];
        for (int t = 0; t < n; t++) {
            dx[t] = (x[t] - y[best][t]) / scale;
        }
        double[] w = new double[m + n + 1];
        for (int k = 0; k < m; k++) {
            double dot = 0;
            for (int t = 0; t < n; t++) {
                dot += (y[k][t] - y[best][t]) / scale * dx[t];
            }
            w[k] = 0.5 * dot * dot;
        }
        w[m] = 1;
        System.arraycopy(dx, 0, w, m + 1, n);
        return w;
    }

    /** The point that x replaces: the one whose Lagrange function is largest at x, weighted by distance. */
    private int replaced(double[] x, boolean improves, double delta) {
        double[] l = lagrange(x);
        double[] centre = improves ? x : y[best];
        int pick = -1;
        double score = -1;
        for (int k = 0; k < m; k++) {
            if (k == best && !improves) {
                continue;
            }
            double r = distance(y[k], centre) / delta;
            double s = Math.abs(l[k]) * Math.max(1, r * r * r * r);
            if (s > score) {
                score = s;
                pick = k;
            }
        }
        return pick >= 0 ? pick : best == 0 ? 1 : 0; // no finite score (a degenerate system): any other point
    }

    /** Replaces the point farthest from the best by one within {@code radius} that keeps the points spread. */
    private void improve(double radius) {
        int k = -1;
        double far = -1;
        for (int j = 0; j < m; j++) {
            double r = distance(y[j], y[best]);
            if (j != best && r > far) {
                far = r;
                k = j;
            }
        }
        double[] away = new double[n];
        for (int t = 0; t < n; t++) {
            away[t] = (y[k][t] - y[best][t]) / far;
        }
        double[] lk = inverse[k]; // the coefficients of point k's Lagrange function (the system is symmetric)
        double[] pick = null;
        double largest = -1;
        for (int cand = 0; cand < 2 * n + 2; cand++) {
            double[] dir = new double[n];
            if (cand < 2 * n) {
                dir[cand / 2] = cand % 2 == 0 ? 1 : -1;
            } else {
                for (int t = 0; t < n; t++) {
                    dir[t] = cand == 2 * n ? away[t] : -away[t];
                }
            }
            double[] x = y[best].clone();
            for (int t = 0; t < n; t++) {
                x[t] += radius * dir[t];
            }
            x = clip(x);
            double l = Math.abs(dot(lk, basis(x)));
            if (l > largest) {
                largest = l;
                pick = x;
            }
        }
        if (pick == null) { // no finite Lagrange value (a degenerate system): towards the far point
            pick = clip(add(y[best], scaled(away, radius)));
        }
        double fx = evaluate(pick);
        y[k] = pick;
        fy[k] = fx;
        if (fx < fy[best]) {
            best = k;
        }
    }

    /** Largest distance of a point from the best. */
    private double farthest() {
        double far = 0;
        for (int k = 0; k < m; k++) {
            far = Math.max(far, distance(y[k], y[best]));
        }
        return far;
    }

    /**
     * The step from the best point that (about) minimises the model within the radius: Steihaug's truncated
     * conjugate gradients, which end on the boundary along negative curvature and give the Newton step when it lies
     * inside; then clipped to the bounds.
     */
    private double[] step(double radius) {
        double[] s = new double[n], r = new double[n], p = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = -g[t];
            p[t] = r[t];
        }
        double rr = dot(r, r), stop = 1e-20 * rr;
        for (int it = 0; it < n && rr > stop; it++) {
            double[] hp = times(h, p);
            double curvature = dot(p, hp);
            double alpha = curvature > 0 ? rr / curvature : 0;
            double[] next = add(s, scaled(p, alpha));
            if (curvature <= 0 || norm(next) >= radius) { // leaves the region, or curves down: to the boundary
                s = add(s, scaled(p, toBoundary(s, p, radius)));
                break;
            }
            s = next;
            for (int t = 0; t < n; t++) {
                r[t] -= alpha * hp[t];
            }
            double rrNext = dot(r, r);
            for (int t = 0; t < n; t++) {
                p[t] = r[t] + rrNext / rr * p[t];
            }
            rr = rrNext;
        }
        double[] x = clip(add(y[best], s));
        for (int t = 0; t < n; t++) {
            s[t] = x[t] - y[best][t];
        }
        return s;
    }

    /** τ ≥ 0 with ‖s + τ p‖ = radius (s inside). */
    private static double toBoundary(double[] s, double[] p, double radius) {
        double pp = dot(p, p), sp = dot(s, p), ss = dot(s, s);
        return pp > 0 ? (-sp + Math.sqrt(Math.max(0, sp * sp + pp * (radius * radius - ss)))) / pp : 0;
    }

    /** A v. */
    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = dot(a[r], v);
        }
        return out;
    }

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            out[t] = f * v[t];
        }
        return out;
    }

    /** Model change g·d + ½ dᵀHd. */
    private double modelChange(double[] d) {
        return dot(g, d) + 0.5 * quadratic(d);
    }

    private double quadratic(double[] d) {
        return dot(d, times(h, d));
    }

    /** The inverse of a (Gauss–Jordan with partial pivoting; a is overwritten), or null if it is singular. */
    private static double[][] invert(double[][] a) {
        int size = a.length;
        double[][] inv = new double[size][size];
        double largest = 0;
        for (int r = 0; r < size; r++) {
            inv[r][r] = 1;
            for (double x : a[r]) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        for (int col = 0; col < size; col++) {
            int p = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[p][col])) {
                    p = r;
                }
            }
            if (!(Math.abs(a[p][col]) > 1e-13 * largest)) {
                return null;
            }
            double[] t = a[p];
            a[p] = a[col];
            a[col] = t;
            t = inv[p];
            inv[p] = inv[col];
            inv[col] = t;
            double pivot = 1 / a[col][col];
            scale(a[col], pivot);
            scale(inv[col], pivot);
            for (int r = 0; r < size; r++) {
                double factor = a[r][col];
                if (r != col && factor != 0) {
                    subtract(a[r], a[col], factor);
                    subtract(inv[r], inv[col], factor);
                }
            }
        }
        return inv;
    }

    private static void scale(double[] row, double f) {
        for (int k = 0; k < row.length; k++) {
            row[k] *= f;
        }
    }

    /** row −= f · other. */
    private static void subtract(double[] row, double[] other, double f) {
        for (int k = 0; k < row.length; k++) {
            row[k] -= f * other[k];
        }
    }

    private double[] clip(double[] x) {
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = Math.max(lower[t], Math.min(upper[t], x[t]));
        }
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = a.clone();
        for (int t = 0; t < out.length; t++) {
            out[t] += b[t];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += a[t] * b[t];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += (a[t] - b[t]) * (a[t] - b[t]);
        }
        return Math.sqrt(s);
    }
}
