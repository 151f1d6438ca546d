package org.isocenter.render.vtk;

import org.isocenter.core.geometry.Vector3;

import vtk.vtkActor;
import vtk.vtkFlyingEdges3D;
import vtk.vtkImageData;
import vtk.vtkPolyDataMapper;
import vtk.vtkRenderWindow;
import vtk.vtkRenderer;
import vtk.vtkUnsignedCharArray;
import vtk.vtkWindowedSincPolyDataFilter;

/**
 * Renders the surface of a binary mask (a structure) with VTK flying edges and windowed-sinc smoothing,
 * off-screen, into opaque ARGB pixels (row 0 at the top). The mask is x-fastest on an axis-aligned grid
 * given by origin and spacing in patient LPS mm; the camera looks from the patient's front (anterior, −y)
 * with superior up, so the patient's right is on the image's left.
 */
public final class SurfaceRenderer {

    /** Renders {@code mask} (non-zero = inside) in colour {@code rgb} (0–255) on black, {@code width × height}. */
    public int[] renderMask(byte[] mask, int nx, int ny, int nz, Vector3 spacingMm, Vector3 originMm, int[] rgb,
            int width, int height) {
        VtkRuntime.load();
        vtkImageData image = new vtkImageData();
        image.SetDimensions(nx, ny, nz);
        image.SetSpacing(spacingMm.x(), spacingMm.y(), spacingMm.z());
        image.SetOrigin(originMm.x(), originMm.y(), originMm.z());
        vtkUnsignedCharArray scalars = new vtkUnsignedCharArray();
        byte[] values = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = (byte) (mask[i] != 0 ? 255 : 0);
        }
        scalars.SetJavaArray(values);
        image.GetPointData().SetScalars(scalars);

        vtkFlyingEdges3D surface = new vtkFlyingEdges3D();
        surface.SetInputData(image);
        surface.SetValue(0, 127.5);
        vtkWindowedSincPolyDataFilter smooth = new vtkWindowedSincPolyDataFilter();
        smooth.SetInputConnection(surface.GetOutputPort());
        smooth.SetNumberOfIterations(15);
        smooth.SetPassBand(0.1);
        smooth.NormalizeCoordinatesOn();
        vtkPolyDataMapper mapper = new vtkPolyDataMapper();
        mapper.SetInputConnection(smooth.GetOutputPort());
        mapper.ScalarVisibilityOff();
        vtkActor actor = new vtkActor();
        actor.SetMapper(mapper);
        actor.GetProperty().SetColor(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);

        vtkRenderer renderer = new vtkRenderer();
        renderer.AddActor(actor);
        renderer.SetBackground(0, 0, 0);
        renderer.ResetCamera();
        var camera = renderer.GetActiveCamera();
        double[] focal = camera.GetFocalPoint();
        double distance = camera.GetDistance();
        camera.SetPosition(focal[0], focal[1] - distance, focal[2]); // anterior, looking posterior
        camera.SetViewUp(0, 0, 1);
        renderer.ResetCamera();

        vtkRenderWindow window = new vtkRenderWindow();
        window.SetOffScreenRendering(1);
        window.AddRenderer(renderer);
        window.SetSize(width, height);
        window.Render();
        vtkUnsignedCharArray pixelArray = new vtkUnsignedCharArray();
        window.GetPixelData(0, 0, width - 1, height - 1, 1, pixelArray, 0);
        byte[] rgbPixels = pixelArray.GetJavaArray();
        window.Finalize();
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            int src = (height - 1 - y) * width * 3; // VTK rows start at the bottom
            for (int x = 0; x < width; x++) {
                int p = src + x * 3;
                argb[y * width + x] = 0xFF000000 | (rgbPixels[p] & 0xFF) << 16 | (rgbPixels[p + 1] & 0xFF) << 8
                        | (rgbPixels[p + 2] & 0xFF);
            }
        }
        return argb;
    }
}
